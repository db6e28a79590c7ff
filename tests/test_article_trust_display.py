"""A reader sees who wrote and reviewed an article, when, and whether a review is due."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import reviews
from articles.builders import publish_reviewed
from articles.demo_content.editorial import build_editorial_policy
from articles.models import ArticleAuthor, Correction
from tests.content import person, writer
from tests.html import soup, text

REVIEWED = datetime.date(2025, 3, 4)
DUE = datetime.date(2026, 3, 4)


@pytest.fixture
def clock(monkeypatch):
    """Set the date the site believes it is."""

    def set_today(date):
        monkeypatch.setattr(reviews, "today", lambda: date)

    return set_today


@pytest.fixture
def reviewer(db):
    return person("dr-ada-check", name="Dr Ada Check", credentials="MB BS, FRCP")


@pytest.fixture
def article(article_factory, reviewer):
    return article_factory(
        "Testamol for back pain",
        authors=[
            ArticleAuthor(person=writer("pat-pen", name="Pat Pen", credentials="MSc")),
            ArticleAuthor(person=writer("lee-ink", name="Lee Ink")),
        ],
        medical_reviewer=reviewer,
        reviewed_on=REVIEWED,
    )


def read(client, article):
    return soup(client.get(article.url))


def test_byline_names_authors_with_links_to_their_profiles(client, article):
    byline = read(client, article).select_one("header .byline")
    authors = byline.select_one(".byline__authors")
    assert text(authors) == "Written by Pat Pen, MSc and Lee Ink"
    links = [(text(a), a["href"]) for a in authors.find_all("a")]
    assert links == [("Pat Pen", "/people/pat-pen/"), ("Lee Ink", "/people/lee-ink/")]


def test_byline_says_in_one_line_who_reviewed_it_when_and_when_next(
    client, article, clock
):
    clock(REVIEWED)
    page = read(client, article)
    reviewer = page.select_one(".byline__reviewer")
    assert text(reviewer) == (
        "Medically reviewed by Dr Ada Check, MB BS, FRCP, on 4 March 2025, "
        "next review due 4 March 2026"
    )
    assert reviewer.find("a")["href"] == "/people/dr-ada-check/"
    dates = [time["datetime"] for time in reviewer.find_all("time")]
    assert dates == ["2025-03-04", "2026-03-04"]
    # The dates are not repeated in a second list.
    assert page.select_one("dl.review-dates") is None
    assert len(page.select(".byline__reviewer")) == 1


def test_once_due_the_review_line_says_it_was_due(client, article, clock):
    clock(DUE + datetime.timedelta(days=1))
    reviewer = read(client, article).select_one(".byline__reviewer")
    assert text(reviewer).endswith(
        ", on 4 March 2025, next review was due 4 March 2026"
    )


def test_a_live_version_nobody_reviewed_says_so(client, article, editor):
    draft = article.get_latest_revision_as_object()
    draft.summary = "Changed after the review."
    draft.save_revision(user=editor).publish(user=editor)
    page = read(client, article)
    assert text(page.select_one(".byline__reviewer")) == (
        "Updated since its last medical review on 4 March 2025. Our medical "
        "reviewers will check the changes."
    )
    assert page.select_one("dl.review-dates") is None
    assert "Medically reviewed by" not in text(page.select_one(".byline"))


def test_an_article_never_reviewed_says_so(client, article_factory, editor):
    article = article_factory(publish=False)
    article.get_latest_revision().publish(user=editor)
    page = read(client, article)
    assert text(page.select_one(".byline__reviewer")) == (
        "This article has not yet been medically reviewed."
    )


def test_byline_links_to_the_editorial_policy(client, home, article):
    assert read(client, article).select_one(".byline__policy") is None
    policy = build_editorial_policy(home)
    link = read(client, article).select_one(".byline__policy a")
    assert link["href"] == policy.url
    assert text(link) == "How we write and review articles"


def test_overdue_notice_appears_when_the_review_date_passes(client, article, clock):
    clock(DUE)
    assert read(client, article).select_one(".review-notice") is None
    clock(DUE + datetime.timedelta(days=1))
    page = read(client, article)
    notice = page.select_one("header .review-notice")
    assert notice is not None
    assert "This article is due for review" in text(notice)
    assert "4 March 2026" in text(notice)
    # The article is still there, whole.
    assert page.select_one("section#safety") is not None
    assert page.select_one("section#references") is not None


def test_overdue_notice_goes_once_the_article_is_reviewed_again(client, article, clock):
    clock(DUE + datetime.timedelta(days=30))
    assert read(client, article).select_one(".review-notice") is not None
    publish_reviewed(article, article.save_revision())
    assert read(client, article).select_one(".review-notice") is None


def test_review_overdue_compares_with_today(article, clock):
    clock(DUE)
    assert not article.review_overdue
    clock(DUE + datetime.timedelta(days=1))
    assert article.review_overdue


def test_trust_details_keep_the_heading_outline(client, article):
    page = read(client, article)
    assert len(page.find_all("h1")) == 1
    assert page.select_one("header .byline h2, header .byline h3") is None


def test_article_page_queries_do_not_grow_with_authors_or_corrections(
    client, article_factory, reviewer
):
    def queries_for(count):
        article = article_factory(
            authors=[
                ArticleAuthor(person=writer(f"w{n}", name=f"Writer {n}"))
                for n in range(count)
            ],
            corrections=[
                Correction(date=REVIEWED, text=f"Fixed {n}.") for n in range(count)
            ],
            medical_reviewer=reviewer,
            reviewed_on=REVIEWED,
        )
        client.get(article.url)  # warm caches: site, renditions
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    assert queries_for(1) == queries_for(6)
