"""Reading comfort: references read as named links, the site has an icon, dates are valid."""

from datetime import timedelta
from pathlib import Path

import pytest

from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils import timezone

from articles.comments.builders import build_comment
from articles.references import ArticleReference
from tests.content import bottom_line, efficacy, evidence, overview, reference, safety
from tests.html import soup, text
from tests.test_html_validity import valid_datetime

# References: "DOI", "PubMed", "Full text", never a raw address


def links(**fields):
    return [
        (link.label, link.url, link.kind)
        for link in ArticleReference(**reference("a", **fields)).links
    ]


def test_a_reference_links_by_name_doi_then_pubmed_then_full_text():
    assert links(pmid="12804507", url="https://example.org/a.pdf") == [
        ("DOI", "https://doi.org/10.1000/a", "doi"),
        ("PubMed", "https://pubmed.ncbi.nlm.nih.gov/12804507/", "pubmed"),
        ("Full text", "https://example.org/a.pdf", "full-text"),
    ]
    assert links(doi="", url="https://example.org/a") == [
        ("Full text", "https://example.org/a", "full-text")
    ]


def test_an_address_that_repeats_the_doi_is_not_shown_twice():
    assert links(url="https://doi.org/10.1000/a") == [
        ("DOI", "https://doi.org/10.1000/a", "doi")
    ]


def test_doi_links_are_valid_addresses():
    """A pasted doi.org link, and a DOI with characters a URL cannot hold as they are."""
    assert (
        ArticleReference(doi="https://doi.org/10.1136/bmj.n1446").doi_url
        == "https://doi.org/10.1136/bmj.n1446"
    )
    odd = ArticleReference(
        doi="10.1002/(SICI)1097-4636(1997)35:4<469::AID-JBM6>3.0.CO;2-I"
    )
    assert odd.doi_url == (
        "https://doi.org/10.1002/(SICI)1097-4636(1997)35:4%3C469::AID-JBM6%3E3.0.CO;2-I"
    )
    assert ArticleReference(doi="").doi_url == ""


def test_reference_list_reads_as_named_links(client, article_factory):
    article = article_factory(
        references=[reference("a", pmid="12804507", url="https://example.org/a")]
    )
    item = soup(client.get(article.url)).select_one("li#ref-a")
    named = [a.contents[0] for a in item.select("a.reference-link")]
    assert named == ["DOI", "PubMed", "Full text"]
    assert "http" not in text(item) and "doi:" not in text(item)


# Back-links say where they go


def test_back_links_name_the_citation_they_return_to(client, article_factory):
    body = [
        overview(),
        efficacy(
            items=[evidence("It helped.", references="b"), evidence(references="a")]
        ),
        safety(warnings=[{"title": "Falls", "text": "Take care.", "references": "b"}]),
        bottom_line(),
    ]
    article = article_factory(body=body, references=[reference("a"), reference("b")])
    page = soup(client.get(article.url))
    found = [
        (b["aria-label"], page.find(id=b["href"][1:]).get("aria-label"))
        for b in page.select("ol.reference-list a.backlink")
    ]
    assert found == [
        ("Back to citation 1", "Reference 1"),
        ("Back to citation 2a", "Reference 2"),
        ("Back to citation 2b", "Reference 2"),
    ]


# The site's icon


def test_pages_link_the_icon(client, home):
    icon = soup(client.get("/")).select_one('head link[rel="icon"]')
    assert icon["type"] == "image/svg+xml"
    # Tests serve no static files (no collectstatic): find the file as collectstatic would.
    assert icon["href"] == static("favicon.svg")
    found = finders.find("favicon.svg")
    assert found and Path(found).read_text().lstrip().startswith("<svg")


def test_favicon_ico_is_not_a_404(client, home):
    icon = soup(client.get("/")).select_one('head link[rel="icon"]')["href"]
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == icon
    assert "max-age=86400" in response["Cache-Control"]
    assert client.head("/favicon.ico").status_code == 302
    assert client.post("/favicon.ico").status_code == 405


# Dates and times


@pytest.mark.django_db
def test_comment_times_are_valid_html_dates(client, article_factory, site_domain):
    """|date:"c" wrote six fraction digits ("…39.929123+00:00"); HTML allows three."""
    article = article_factory()
    when = timezone.now().replace(microsecond=929123) - timedelta(hours=2)
    first = build_comment(article, "Thank you.", submit_date=when)
    build_comment(article, "Same here.", parent=first, submit_date=when)
    page = soup(client.get(article.url))
    times = [t["datetime"] for t in page.select(".comment time[datetime]")]
    assert len(times) >= 2
    assert all(valid_datetime(value) for value in times), times
    expected = timezone.localtime(when).strftime("%Y-%m-%dT%H:%M:%S%z")
    assert expected in times
    every = [t["datetime"] for t in page.select("time[datetime]")]
    assert all(valid_datetime(value) for value in every), every
