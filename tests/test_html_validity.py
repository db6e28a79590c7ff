"""Reader pages are valid HTML: no parse errors, valid dates, unique ids, no repeats.

html5lib's strict parser refuses anything the HTML parsing spec calls a parse error
(stray end tags, duplicate attributes, misnested elements). It does not check what
the content model asks of values, so this module checks three of those itself: every
`<time datetime>` value is one of HTML's date and time syntaxes, every id is unique,
and no tag repeats an attribute (html5lib reports that one too; the check here names
the attribute).
"""

import calendar
import re
from datetime import timedelta
from html.parser import HTMLParser

import html5lib
import pytest

from django.core.management import call_command
from django.utils import timezone

from articles.comments.builders import build_comment
from articles.models import ArticlePage
from tests.content import (
    alternatives,
    bottom_line,
    deciding,
    efficacy,
    evidence,
    guidelines,
    make_image,
    overview,
    reference,
    safety,
)

# HTML's date and time microsyntaxes, as the `time` element's datetime attribute takes
# them: https://html.spec.whatwg.org/multipage/text-level-semantics.html#datetime-value
YEAR = r"(?P<year>\d{4,})"
MONTH = rf"{YEAR}-(?P<month>\d\d)"
DATE = rf"{MONTH}-(?P<day>\d\d)"
YEARLESS = r"(?:--)?(?P<month>\d\d)-(?P<day>\d\d)"
TIME = r"(?P<hour>\d\d):(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d{1,3})?)?"
OFFSET = r"(?:Z|[+-](?P<tz_hour>\d\d):?(?P<tz_minute>\d\d))"
WEEK = rf"{YEAR}-W(?P<week>\d\d)"
DURATION_ISO = (
    r"P(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?"
)
DURATION_PARTS = r"(?:\s*\d+(?:\.\d{1,3}(?=\s*[sS]))?\s*[WwDdHhMmSs]\s*)+"
DATETIME_SYNTAXES = [
    re.compile(rf"^{pattern}$")
    for pattern in (
        MONTH,
        DATE,
        YEARLESS,
        TIME,
        rf"{DATE}[T ]{TIME}",  # a local date and time
        OFFSET,
        rf"{DATE}[T ]{TIME}{OFFSET}",  # a global date and time
        WEEK,
        YEAR,
        DURATION_ISO,
        DURATION_PARTS,
    )
]


def _in_range(parts):
    """Whether the fields a syntax matched name a real month, day, time and offset."""
    year = int(parts["year"]) if parts.get("year") else 2000  # yearless: allow 29 Feb
    month = int(parts["month"]) if parts.get("month") else None
    if year == 0 or (month is not None and not 1 <= month <= 12):
        return False
    # The Gregorian calendar repeats every 400 years; HTML years go past 9999.
    cycle_year = 2000 + year % 400
    day = int(parts["day"]) if parts.get("day") else None
    if day is not None and not 1 <= day <= calendar.monthrange(cycle_year, month)[1]:
        return False
    if parts.get("week") is not None:
        # A year has 53 weeks when it starts on a Thursday, or is a leap year starting
        # on a Wednesday.
        first = calendar.weekday(cycle_year, 1, 1)
        leap = calendar.isleap(cycle_year)
        weeks = 53 if first == 3 or (first == 2 and leap) else 52
        if not 1 <= int(parts["week"]) <= weeks:
            return False
    limits = {"hour": 23, "minute": 59, "second": 59, "tz_hour": 23, "tz_minute": 59}
    return all(
        int(parts[name]) <= limit
        for name, limit in limits.items()
        if parts.get(name) is not None
    )


def valid_datetime(value):
    """Whether `value` is a valid `<time datetime>` value."""
    for syntax in DATETIME_SYNTAXES:
        if (found := syntax.match(value)) and _in_range(found.groupdict()):
            return True
    return False


class _Tags(HTMLParser):
    """Every start tag with its attributes as written, repeats included."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs, self.getpos()[0]))

    handle_startendtag = handle_starttag


def html_problems(markup):
    """What is wrong with a page's HTML, one line each; empty when it is valid."""
    # strict=True stops at the first parse error; collecting them all instead reports
    # every one at once, and the page passes only when there are none, as strict wants.
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(markup)
    problems = [
        f"line {line}, column {column}: "
        + html5lib.constants.E.get(code, code) % (data or {})
        for (line, column), code, data in parser.errors
    ]
    reader = _Tags()
    reader.feed(markup)
    reader.close()
    ids = {}
    for tag, attrs, line in reader.tags:
        names = [name for name, _ in attrs]
        for name in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"line {line}: <{tag}> repeats the attribute {name}")
        values = dict(attrs)
        if "id" in values:
            if values["id"] in ids:
                problems.append(
                    f"line {line}: id {values['id']!r} is already used on line "
                    f"{ids[values['id']]}"
                )
            ids.setdefault(values["id"], line)
        datetime = values.get("datetime") if tag == "time" else None
        if datetime is not None and not valid_datetime(datetime):
            problems.append(
                f"line {line}: <time datetime={datetime!r}> is not a valid date or time"
            )
    return problems


# The checks themselves


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-01",
        "2024-02-29",
        "2024-05",
        "2024",
        "05-01",
        "--05-01",
        "14:54",
        "14:54:39",
        "14:54:39.929",
        "2024-05-01T14:54",
        "2024-05-01 14:54:39",
        "2024-05-01T14:54:39Z",
        "2024-05-01T14:54:39+0100",
        "2024-05-01T14:54:39.123-05:30",
        "Z",
        "+01:00",
        "2020-W53",
        "10000-01-31",
        "PT4H18M3S",
        "P2D",
        "4h 18m 3s",
    ],
)
def test_valid_datetimes_pass(value):
    assert valid_datetime(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "2024-05-01T14:54:39.929123+00:00",  # six-digit fractions: |date:"c"
        "2023-02-29",
        "2024-13-01",
        "2024-05-32",
        "24:00",
        "2024-05-01T14:54:39+2400",
        "1 May 2024",
        "2021-W53",
        "P",
        "PT",
        "0000",
    ],
)
def test_invalid_datetimes_fail(value):
    assert not valid_datetime(value)


def test_the_checks_find_what_they_look_for():
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>t</title></head><body>"
        '<p id="a">x</p><p id="a" class="b" class="c">y</p>'
        '<time datetime="2024-05-01T14:54:39.929123+00:00">then</time>'
        "</span></body></html>"
    )
    problems = html_problems(page)
    assert any("Unexpected end tag (span)" in p for p in problems), problems
    with pytest.raises(html5lib.html5parser.ParseError):
        html5lib.HTMLParser(strict=True).parse(page)
    assert any("id 'a' is already used" in p for p in problems), problems
    assert any("repeats the attribute class" in p for p in problems), problems
    assert any("is not a valid date or time" in p for p in problems), problems
    valid = "<!DOCTYPE html><html lang='en'><head><title>t</title></head><body></body></html>"
    assert html_problems(valid) == []


# Reader pages


def model_body(image, other):
    """Every kind of section a reader can meet, citing each reference."""
    return [
        {
            "type": "urgent_help",
            "value": {
                "heading": "",
                "emergency": ["you cannot feel your legs"],
                "urgent": ["the pain is no better after 4 weeks"],
            },
        },
        overview(),
        efficacy(
            items=[
                evidence("It helped a little.", references="a, b"),
                evidence("It helped sleep.", references="a"),
            ]
        ),
        guidelines(),
        safety(
            warnings=[
                {"title": "Opioids", "text": "Slow breathing.", "references": "c"}
            ],
            interactions=[
                {
                    "substance": "Alcohol",
                    "severity": "serious",
                    "effect": "Slowed breathing.",
                    "advice": "Do not combine.",
                }
            ],
            who_should_not_take_it=["People with sleep apnoea"],
            practical_advice=[{"topic": "Food", "advice": "Take it with food."}],
        ),
        {
            "type": "medicine_facts",
            "value": {
                "heading": "",
                "how_to_take": "As tablets.",
                "alcohol": "Do not drink alcohol while taking it.",
                "check_first": ["Sleep apnoea"],
            },
        },
        alternatives(
            options=[
                {
                    "name": "Heat",
                    "kind": "self_care",
                    "evidence": "Eases pain a little.",
                    "certainty": "low",
                    "references": "c",
                    "page": other.pk,
                }
            ]
        ),
        deciding(),
        {
            "type": "rich_text",
            "value": {
                "heading": "More to know",
                "text": "<p>seizure (fit).</p><p>Back pain</p>",
            },
        },
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Urgent", "text": "<p>Call 999.</p>"},
        },
        {
            "type": "faq",
            "value": {
                "heading": "Questions people ask",
                "questions": [
                    {"question": "Can I drive?", "answer": "<p>Not at first.</p>"}
                ],
            },
        },
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "A stretch",
                    "decorative": False,
                },
                "caption": "A stretch",
            },
        },
        bottom_line(),
    ]


@pytest.fixture
def model_article(article_factory, topic, site_domain):
    from articles.editorial import Correction

    other = article_factory("Heat for back pain")
    article = article_factory(
        "Diazepam for back pain",
        other_names="Valium",
        body=model_body(make_image(), other),
        references=[
            reference("a", pmid="12804507"),
            reference("b", url="https://example.org/full-text"),
            reference("c", doi="", pmid="23456789"),
        ],
        topics=[topic],
    )
    Correction.objects.create(
        page=article, date=timezone.localdate(), text="We fixed a dose."
    )
    # Microseconds on purpose: |date:"c" wrote six fraction digits, which HTML refuses.
    when = timezone.now().replace(microsecond=929123) - timedelta(days=1)
    first = build_comment(article, "Thank you.", name="Pat", submit_date=when)
    reply = build_comment(article, "Same here.", name="Sam", parent=first)
    build_comment(article, "And me.", name="Kim", parent=reply)
    build_comment(article, "Useful.", name="Lee")
    return article


@pytest.fixture
def pages(client, model_article, topic):
    index = model_article.get_parent().specific
    return {
        "article": model_article.url,
        "home": "/",
        "article index": index.url,
        "topic": index.topic_url(topic),
        "search form": "/search/",
        "search results": "/search/?q=diazepam",
        "no results": "/search/?q=zzzzqqq",
    }


def test_reader_pages_are_valid_html(client, pages):
    found = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        problems = html_problems(response.content.decode())
        if problems:
            found[f"{name} ({url})"] = problems
    assert found == {}


def test_the_model_article_has_what_the_checks_are_for(client, model_article):
    """Dates with times, comments, references and citations are all on the page."""
    markup = client.get(model_article.url).content.decode()
    assert 'class="comment' in markup
    assert markup.count("<time datetime=") >= 5
    assert 'href="https://doi.org/10.1000/a"' in markup
    assert 'class="citation"' in markup and 'class="backlink"' in markup


def test_every_demo_article_page_is_valid_html(client, db):
    call_command("load_demo_content", verbosity=0)
    articles = ArticlePage.objects.live()
    assert articles.count() >= 3
    found = {}
    for article in articles:
        response = client.get(article.url)
        assert response.status_code == 200, article.url
        if problems := html_problems(response.content.decode()):
            found[article.url] = problems
    assert found == {}
