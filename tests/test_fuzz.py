"""Bad input anywhere a reader or moderator can reach never gets a 5xx answer.

Each address is sent generated values (hypothesis, derandomized so every run sends the
same requests) in its path, its query or its form fields, now and then with the wrong
HTTP method or a body type it does not expect; KNOWN lists inputs that once gave a 500.
The site's data is built once for the module.
"""

from dataclasses import dataclass
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import PageViewRestriction

from articles.builders import build_article, build_home, build_index, build_topic
from articles.comments.builders import build_comment
from articles.models import ArticleAuthor, ArticlePage
from tests.clients import browser_client
from tests.comments_fixtures import form_data
from tests.content import complete_body, person, reference, writer
from tests.module_data import rolled_back

EXAMPLES = 25

# Already percent-encoded, as they would arrive in a URL or a form body.
NASTY = [
    "",
    "%00",
    "a%00b",
    "%ff%fe",
    "%C0%AF",
    "%ED%A0%80",
    "%E2%80%AE",
    "%",
    "%zz",
    "+",
    "%7B%7B%20request%20%7D%7D",
    "%7B%25%20debug%20%25%7D",
    "%7B%7B",
    "%7B%25",
    "%C2%B2",
    "%D9%A3",
    "%EF%BC%91",
    "-1",
    "0",
    "1.5",
    "1e400",
    "NaN",
    "1_0",
    "%201",
    "99999999999999999999",
    "-99999999999999999999",
    "9223372036854775808",
    "2147483648",
    "9" * 5000,
    "a" * 100_000,
    ",".join(["a"] * 3000),
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "%2F%2Fevil.example",
    "http%3A%2F%2Fevil.example%2F",
    "%0D%0ASet-Cookie%3A%20x%3Dy",
    "'%20OR%201%3D1--",
    "*",
    "random",
    "-title",
    "true",
    "%5B%5D",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(NASTY),
    st.text(max_size=30).map(lambda text: quote(text, safe="")),
    st.binary(max_size=12).map(lambda raw: quote_from_bytes(raw, safe="")),
    st.integers().map(str),
)
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]
FORM = "application/x-www-form-urlencoded"
CONTENT_TYPES = [
    f"{FORM}; charset=latin-1",
    f"{FORM}; charset=utf-16",
    f"{FORM}; charset=nonsense",
    "multipart/form-data; boundary=x",
    "multipart/form-data",
    "application/json",
    "text/plain; charset=utf-8",
]


@dataclass(frozen=True)
class Target:
    """An address; `{v}` in the path, and each name in query or form, takes the value."""

    path: str
    method: str = "GET"
    query: tuple = ()
    form: tuple = ()
    moderator: bool = False
    base_form: str = ""  # "comment": a valid comment form around the fuzzed field

    def slots(self):
        return (
            [("path", None)] * ("{v}" in self.path)
            + [("query", name) for name in self.query]
            + [("form", name) for name in self.form]
        )


API_PAGE_FILTERS = ("first_published_at", "id", "title", "slug", "show_in_menus")
COMMENT_FIELDS = (
    "content_type",
    "object_pk",
    "timestamp",
    "security_hash",
    "name",
    "email",
    "url",
    "comment",
    "reply_to",
    "honeypot",
    "next",
    "followup",
)
BULK = "/admin/bulk/django_comments_xtd/xtdcomment/{action}/"

TARGETS = {
    "home": Target("/", query=("q", "page")),
    "articles": Target("{index}", query=("page", "topic")),
    "article": Target("{article}", query=("page", "c")),
    "article-path": Target("{index}{v}/"),
    "topic": Target("{index}topics/{v}/", query=("page",)),
    "search": Target("/search/", query=("q", "page", "topic")),
    "suggest": Target("/search/suggest/", query=("q",)),
    "feeds": Target("/feeds/rss/", query=("page",)),
    "atom": Target("/feeds/atom/"),
    "topic-feed": Target("/feeds/topics/{v}/rss/"),
    "sitemap": Target("/sitemap.xml", query=("p", "section")),
    "sitemap-file": Target("/sitemap-{v}.xml", query=("p",)),
    "robots": Target("/robots.txt", query=("x",)),
    "person": Target("/people/{v}/"),
    "healthz": Target("/healthz", query=("x",)),
    "document": Target("/documents/{v}/report.pdf"),
    "document-password": Target(
        "/documents/authenticate_with_password/{v}/",
        method="POST",
        form=("password", "return_url"),
    ),
    "admin-login": Target(
        "/admin/login/", method="POST", form=("username", "password", "next")
    ),
    "django-admin-login": Target("/django-admin/login/", query=("next",)),
    "api-pages": Target(
        "/api/v2/pages/",
        query=(
            *API_PAGE_FILTERS,
            "offset",
            "limit",
            "fields",
            "order",
            "search",
            "search_operator",
            "child_of",
            "descendant_of",
            "ancestor_of",
            "type",
            "locale",
            "site",
            "rich_text_format",
            "format",
        ),
    ),
    "api-articles": Target(
        "/api/v2/pages/?type=articles.ArticlePage",
        query=(
            "last_reviewed_at",
            "next_review_due",
            "topics",
            "authors",
            "medical_reviewer",
            "summary",
            "fields",
        ),
    ),
    "api-page": Target("/api/v2/pages/{v}/", query=("fields",)),
    "api-find": Target("/api/v2/pages/find/", query=("id", "html_path")),
    "api-images": Target(
        "/api/v2/images/",
        query=("offset", "limit", "fields", "title", "tags", "width", "search"),
    ),
    "api-documents": Target(
        "/api/v2/documents/", query=("offset", "limit", "fields", "title", "search")
    ),
    "api-image": Target("/api/v2/images/{v}/"),
    "report": Target(
        "/report-a-problem/{article_id}/",
        method="POST",
        form=("message", "name", "email", "website"),
    ),
    "report-path": Target("/report-a-problem/{v}/", method="POST", form=("message",)),
    "page-password": Target(
        "/_util/authenticate_with_password/{restriction_id}/{secret_id}/",
        method="POST",
        form=("password", "return_url"),
    ),
    "comment-post": Target(
        "/comments/post/", method="POST", form=COMMENT_FIELDS, base_form="comment"
    ),
    "comment-post-draft": Target(
        "/comments/post/", method="POST", form=COMMENT_FIELDS, base_form="draft"
    ),
    "comment-redirect": Target("/comments/cr/{ct}/{v}/"),
    "comment-redirect-ct": Target("/comments/cr/{v}/{comment}/"),
    "comment-reply": Target("/comments/reply/{v}/"),
    "comment-reply-draft": Target("/comments/reply/{draft_comment}/", query=("x",)),
    "comment-posted": Target("/comments/posted/", query=("c",)),
    "comment-flagged": Target("/comments/flagged/", query=("c",)),
    "comment-sent": Target("/comments/sent/", query=("c",)),
    "comment-confirm": Target("/comments/confirm/{v}/"),
    "comment-mute": Target("/comments/mute/{v}/"),
    "comment-flag": Target("/comments/flag/{v}/", method="POST", form=("flag",)),
    "comment-delete": Target("/comments/delete/{v}/", method="POST"),
    "admin-comments": Target(
        "/admin/comments/",
        query=("q", "state", "article", "p", "ordering", "page_size"),
        moderator=True,
    ),
    "admin-comments-results": Target(
        "/admin/comments/results/", query=("q", "state", "p"), moderator=True
    ),
    "admin-inspect": Target("/admin/comments/inspect/{v}/", moderator=True),
    "admin-history": Target("/admin/comments/history/{v}/", moderator=True),
    "admin-edit": Target("/admin/comments/edit/{v}/", moderator=True),
    "admin-blocked-terms": Target(
        "/admin/blocked-terms/", query=("q", "p", "ordering"), moderator=True
    ),
    **{
        f"admin-{action}": Target(
            f"/admin/comments/{action}/{{v}}/",
            method="POST",
            query=("next",),
            moderator=True,
        )
        for action in ("approve", "remove", "spam")
    },
    **{
        f"admin-bulk-{action}": Target(
            BULK.format(action=action),
            method="POST",
            query=("id", "next", "q", "state"),
            form=("id",),
            moderator=True,
        )
        for action in ("approve", "remove", "spam")
    },
    "admin-bulk-all": Target(
        BULK.format(action="approve") + "?id=all",
        query=("q", "state", "article", "childOf"),
        moderator=True,
    ),
}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """A site with live, draft, private and password-protected articles, and comments."""
    with rolled_back(django_db_blocker):
        yield build_world()


def build_world():
    home = build_home(introduction="<p>Plain answers.</p>")
    index = build_index(home)
    topic = build_topic("Back pain", "back-pain")

    def article(slug, **kwargs):
        return build_article(
            index,
            slug.replace("-", " ").capitalize(),
            slug=slug,
            summary="What the evidence says.",
            body=complete_body(),
            references=[reference("a")],
            topics=[topic],
            authors=[ArticleAuthor(person=writer())],
            medical_reviewer=person(),
            **kwargs,
        )

    live = article("diazepam")
    draft = article("unfinished", publish=False)
    private = article("staff-only")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    secret = article("members")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    comment = build_comment(live, "A reader's view.")
    build_comment(live, "A reply.", parent=comment)
    build_comment(live, "Held for a moderator.", is_public=False)
    draft_comment = build_comment(draft, "On a draft.")
    build_comment(private, "On a private page.")

    moderator = get_user_model().objects.create_user(
        username="fuzzing-moderator", password="password"
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return {
        "pages": {"live": live, "draft": draft},
        "moderator": moderator,
        "ids": {
            "index": index.url,
            "article": live.url,
            "article_id": live.pk,
            "secret_id": secret.pk,
            "restriction_id": restriction.pk,
            "ct": ContentType.objects.get_for_model(ArticlePage).pk,
            "comment": comment.pk,
            "draft_comment": draft_comment.pk,
        },
    }


def base_form(world, target):
    if target.base_form == "comment":
        return form_data(world["pages"]["live"])
    if target.base_form == "draft":
        return form_data(world["pages"]["draft"])
    return {}


def send(client, world, target, slot, value, method, content_type=FORM):
    where, name = slot
    # A path's own slot, when the value goes elsewhere, holds a real comment's id.
    own = value if where == "path" else world["ids"]["comment"]
    path = target.path.format(v=own, **world["ids"])
    path, _, query = path.partition("?")
    form = base_form(world, target)
    if where == "query":
        query = "&".join(filter(None, [query, f"{name}={value}"]))
    body = urlencode({k: v for k, v in form.items() if k != name})
    if where == "form":
        body = "&".join(filter(None, [body, f"{name}={value}"]))
    # Rate limits would soon answer every post with a 429 and hide the view behind them.
    cache.clear()
    return client.generic(
        method,
        f"{path}?{query}" if query else path,
        body.encode(),
        content_type=content_type,
    )


@pytest.fixture
def clients(world, db):
    """A reader's client and a signed-in moderator's, made once a test, not per example."""
    moderator = browser_client(raise_request_exception=False)
    moderator.force_login(world["moderator"])
    return {False: browser_client(raise_request_exception=False), True: moderator}


@pytest.mark.parametrize("name", TARGETS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    # No shrinking: the failing request is reported as sent, in a second, not a minute.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_server_error(world, clients, name, data):
    target = TARGETS[name]
    client = clients[target.moderator]
    slot = data.draw(st.sampled_from(target.slots() or [("none", None)]), "slot")
    value = data.draw(VALUES, "value")
    method = data.draw(
        st.one_of(st.just(target.method), st.sampled_from(METHODS)), "method"
    )
    content_type = data.draw(
        st.one_of(st.just(FORM), st.sampled_from(CONTENT_TYPES)), "content type"
    )
    response = send(client, world, target, slot, value, method, content_type)
    assert response.status_code < 500, (
        method,
        target.path,
        slot,
        value[:200],
        content_type,
    )


HUGE = "99999999999999999999"
LATIN1_FORM = f"{FORM}; charset=latin-1"
# Each bad input the site has answered with a 500, sent every run.
KNOWN = [
    ("comment-post", ("form", "object_pk"), "%C2%B2"),
    ("comment-post", ("form", "object_pk"), "%D9%A3"),
    ("comment-post", ("form", "object_pk"), HUGE),
    ("comment-post", ("form", "reply_to"), "%C2%B2"),
    ("comment-post", ("form", "comment"), "caf%E9", LATIN1_FORM),
    ("comment-post", ("form", "comment"), "a%00b"),
    ("comment-posted", ("query", "c"), "%C2%B2"),
    ("comment-flagged", ("query", "c"), HUGE),
    ("comment-redirect", ("path", None), "%C2%B2"),
    ("comment-redirect-ct", ("path", None), HUGE),
    ("comment-reply", ("path", None), HUGE),
    ("comment-confirm", ("path", None), "a%00b"),
    ("comment-mute", ("path", None), "a%00b"),
    ("report", ("form", "message"), "caf%E9", LATIN1_FORM),
    ("admin-inspect", ("path", None), "a"),
    ("admin-inspect", ("path", None), "%C2%B2"),
    ("admin-history", ("path", None), "a"),
    ("admin-comments", ("query", "article"), HUGE),
    ("admin-approve", ("query", "next"), "-1"),
    ("admin-remove", ("query", "next"), "a%00b"),
    ("admin-bulk-approve", ("query", "id"), "%C2%B2"),
    ("admin-bulk-approve", ("form", "id"), "%C2%B2"),
    ("admin-bulk-spam", ("query", "id"), HUGE),
    ("api-pages", ("query", "first_published_at"), "x"),
    ("api-find", ("query", "id"), "a"),
    ("api-find", ("query", "html_path"), "%00"),
    ("api-pages", ("query", "offset"), HUGE),
    ("api-images", ("query", "offset"), HUGE),
    ("api-documents", ("query", "offset"), HUGE),
    ("api-pages", ("query", "limit"), HUGE),
    ("api-images", ("query", "limit"), HUGE),
    ("api-documents", ("query", "limit"), "9" * 5000),
    ("api-pages", ("query", "fields"), "a" * 100_000),
    ("api-images", ("query", "fields"), ",".join(["title"] * 5000)),
    ("api-documents", ("query", "search"), "%22()*%3A%5E"),
    ("api-articles", ("query", "topics"), "x"),
]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, id=f"{case[0]}-{case[1][1] or 'path'}-{case[2][:12]}")
        for case in KNOWN
    ],
)
def test_known_bad_input_gets_no_server_error(world, clients, case):
    name, slot, value, *content_type = case
    target = TARGETS[name]
    response = send(
        clients[target.moderator],
        world,
        target,
        slot,
        value,
        target.method,
        *content_type,
    )
    assert response.status_code < 500
