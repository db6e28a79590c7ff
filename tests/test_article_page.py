"""A reader finds their way around an article: contents, headings, dates, disclaimer."""

import datetime

import pytest

from django.utils import timezone

from tests.content import (
    alternatives,
    bottom_line,
    complete_body,
    deciding,
    efficacy,
    overview,
    reference,
    safety,
)
from tests.html import heading_levels, skipped_levels, soup, text

EXPECTED_IDS = [
    "overview",
    "efficacy",
    "safety",
    "alternatives",
    "deciding",
    "bottom-line",
    "references",
]


@pytest.fixture
def page(client, article_factory):
    body = complete_body()
    body.insert(
        1,
        {
            "type": "rich_text",
            "value": {"heading": "Who it is for", "text": "<p>Adults.</p>"},
        },
    )
    body.append(
        {"type": "rich_text", "value": {"heading": "", "text": "<p>Untitled.</p>"}}
    )
    article = article_factory(
        "Testamol for back pain",
        body=body,
        first_published_at=timezone.make_aware(datetime.datetime(2024, 3, 5, 12)),
    )
    return soup(client.get(article.url))


def test_contents_links_lead_to_sections(page):
    contents = page.select_one("nav.contents")
    assert contents is not None
    assert text(contents.find(id="contents-heading")) == "On this page"
    assert contents["aria-labelledby"] == "contents-heading"
    targets = [a["href"] for a in contents.find_all("a")]
    assert targets, "contents list is empty"
    for href in targets:
        assert href.startswith("#"), href
        assert page.find(id=href[1:]) is not None, f"nothing has id {href[1:]}"
    assert targets == [
        "#overview",
        "#who-it-is-for",
        "#efficacy",
        "#safety",
        "#alternatives",
        "#deciding",
        "#bottom-line",
        "#references",
    ]


def test_every_section_has_its_id_and_labelled_heading(page):
    for anchor in EXPECTED_IDS:
        assert page.find(id=anchor) is not None, anchor
    for anchor in EXPECTED_IDS[:-1]:
        found = page.select_one(f"section#{anchor}")
        heading = found.find("h2")
        assert heading["id"] == found["aria-labelledby"] == f"{anchor}-heading"


def test_ids_are_unique(page):
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_page_has_one_h1_and_headings_in_order(page):
    assert len(page.find_all("h1")) == 1
    levels = heading_levels(page.find("main"))
    assert levels[0] == 1
    assert skipped_levels(levels) == []
    assert skipped_levels(heading_levels(page)) == []


def test_untitled_text_joins_the_page_without_a_contents_entry(page):
    assert "Untitled." in text(page.find("main"))
    assert len(page.select("nav.contents a")) == 8


def test_reader_sees_when_the_article_was_published_and_updated(page):
    published, updated = page.select("p.article-dates time[datetime]")
    assert published["datetime"] == "2024-03-05"
    assert text(published.parent) == "Published 5 March 2024"
    assert text(updated.parent).startswith("Updated ")
    assert updated["datetime"] == timezone.localdate().isoformat()


def test_reader_is_told_this_is_not_medical_advice(page):
    disclaimer = page.select_one("aside.disclaimer")
    assert disclaimer is not None
    assert "general information" in text(disclaimer)
    assert "not a substitute" in text(disclaimer)


def test_summary_is_the_meta_description(page):
    meta = page.find("meta", attrs={"name": "description"})
    assert meta is not None
    assert meta["content"] == text(page.select_one("p.article-summary"))


def test_custom_headings_replace_the_defaults(client, article_factory):
    article = article_factory(
        body=[
            overview(heading="About testamol"),
            efficacy(heading="Does it work?"),
            safety(heading="Side effects and risks"),
            alternatives(heading="Other treatments"),
            deciding(heading="Making a choice"),
            bottom_line(heading="In short"),
        ],
        references=[reference("a")],
    )
    page = soup(client.get(article.url))
    headings = [text(page.select_one(f"section#{a} h2")) for a in EXPECTED_IDS[:-1]]
    assert headings == [
        "About testamol",
        "Does it work?",
        "Side effects and risks",
        "Other treatments",
        "Making a choice",
        "In short",
    ]
    contents = [text(a) for a in page.select("nav.contents a")]
    assert contents[:6] == headings


def test_two_sections_with_one_heading_get_distinct_anchors(client, article_factory):
    repeated = {"type": "rich_text", "value": {"heading": "Notes", "text": "<p>x</p>"}}
    article = article_factory(body=[*complete_body(), repeated, repeated])
    page = soup(client.get(article.url))
    assert page.select_one("section#notes") is not None
    assert page.select_one("section#notes-2") is not None
    hrefs = [a["href"] for a in page.select("nav.contents a")]
    assert "#notes" in hrefs
    assert "#notes-2" in hrefs
