"""Nothing a reader writes becomes markup: only <p>, <br> and <a href rel> come out."""

import pytest

from django.core import mail

from articles.comments.text import comment_html
from tests.comments_fixtures import build_comment, post, stored
from tests.html import parse

ALLOWED = {"p": set(), "br": set(), "a": {"href", "rel"}}

XSS_CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src="x" onerror="alert(1)"',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    "<style>body{background:url('javascript:alert(1)')}</style>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="evil.swf"></object>',
    '<form action="https://evil.example"><input name=q></form>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "\u202e<b>gnp.exe</b>",
    "＜script＞alert(1)＜/script＞",
    "<scr\u0000ipt>alert(1)</script>",
    'https://example.org/"><script>alert(1)</script>',
    'https://example.org/" onmouseover="alert(1)',
    "www.example.org/<img src=x onerror=alert(1)>",
    "<a href=https://example.org onclick=alert(1)>x</a>",
    "<meta http-equiv=refresh content=0;url=https://evil.example>",
    '<base href="https://evil.example/">',
    "<details open ontoggle=alert(1)>",
    "`-alert(1)-`",
    "\"'><svg/onload=alert`1`>",
]


def assert_only_allowed_markup(fragment):
    for tag in parse(f"<div>{fragment}</div>").find("div").find_all(True):
        assert tag.name in ALLOWED, (tag.name, fragment)
        assert set(tag.attrs) <= ALLOWED[tag.name], (tag.attrs, fragment)
        if tag.name == "a":
            assert tag["href"].startswith(("http://", "https://", "mailto:")), tag
            assert tag["rel"] == ["nofollow", "ugc", "noopener"]


def test_the_corpus_is_big_enough():
    assert len(XSS_CORPUS) >= 20


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_comment_html_lets_no_markup_through(payload):
    html = str(comment_html(f"Look: {payload}\n\nand {payload} again"))

    assert_only_allowed_markup(html)
    assert "<script" not in html.lower()


def test_every_link_gets_rel_nofollow_ugc_noopener():
    html = str(comment_html("https://a.example and www.b.example.com and c@d.example"))

    links = parse(html).find_all("a")
    assert len(links) == 3
    assert {tuple(a["rel"]) for a in links} == {("nofollow", "ugc", "noopener")}


def test_invisible_direction_controls_are_dropped():
    assert str(comment_html("abc\u202edef\u200b")) == "<p>abcdef</p>"


def test_nothing_a_reader_writes_becomes_markup_on_the_article_page(client, article):
    for payload in XSS_CORPUS:
        # The form refuses NUL characters (next test); PostgreSQL cannot store them.
        stored = payload.replace("\x00", "")
        build_comment(article, stored, name=stored[:50], url="javascript:alert(1)")

    page = parse(client.get(article.url).content.decode())

    comments = page.select("section#comments article.comment")
    assert len(comments) == len(XSS_CORPUS)
    for comment in comments:
        assert_only_allowed_markup(
            comment.select_one(".comment__body").decode_contents()
        )
        author = comment.select_one(".comment__author")
        assert [t.name for t in author.find_all(True)] == []
    assert page.find("iframe") is None and page.find("svg") is None
    for script in page.find_all("script"):
        assert script.get("src") or script["type"] == "application/ld+json"


def test_a_nul_character_is_refused_with_a_message(client, article):
    response = post(client, article, "<scr\x00ipt>alert(1)</script>")

    assert response.status_code == 200
    assert "Null characters are not allowed." in response.content.decode()
    assert stored(article) == []
    assert mail.outbox == []


def test_a_payload_on_the_check_page_stays_text(client, article):
    payload = "<script>alert(1)</script>"

    response = post(client, article, payload, name=payload, email="bad")

    page = parse(response.content.decode())
    assert page.find("textarea", id="id_comment").get_text().strip() == payload
    assert page.find(id="id_name")["value"] == payload
    for script in page.find_all("script"):
        assert script.get("src") or script["type"] == "application/ld+json"
