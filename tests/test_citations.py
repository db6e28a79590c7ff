"""Citations in an article are numbered by the reference list and link both ways."""

import pytest

from articles.models import ArticleAuthor
from articles.publishing import PublishingRefused
from tests.content import (
    alternatives,
    bottom_line,
    efficacy,
    evidence,
    overview,
    reference,
    safety,
    writer,
)
from tests.html import soup, text


def citations(element):
    return [
        (text(a), a["href"], a.get("aria-label"))
        for a in element.select("sup.citations a.citation")
    ]


@pytest.fixture
def page(client, article_factory):
    body = [
        overview(),
        efficacy(items=[evidence("It helped.", references="c, a")]),
        safety(
            warnings=[
                {"title": "Opioids", "text": "Slow breathing.", "references": "c"}
            ]
        ),
        alternatives(
            options=[
                {
                    "name": "Exercise",
                    "kind": "therapy",
                    "evidence": "Helps.",
                    "certainty": "moderate",
                    "references": "d",
                    "page": None,
                }
            ]
        ),
        bottom_line(),
    ]
    references = [
        reference("a", pmid="12804507"),
        reference("b"),
        reference("c", doi="", url="https://example.org/c"),
        reference("d"),
    ]
    article = article_factory(body=body, references=references)
    return soup(client.get(article.url))


def test_evidence_cites_references_by_their_number(page):
    item = page.find(string=lambda s: "It helped." in s).find_parent(
        lambda tag: tag.select_one("sup.citations")
    )
    assert citations(item) == [
        ("[1]", "#ref-a", "Reference 1"),
        ("[3]", "#ref-c", "Reference 3"),
    ]


def test_warnings_and_alternatives_cite_too(page):
    assert ("[3]", "#ref-c", "Reference 3") in citations(page.select_one("#safety"))
    assert citations(page.select_one("#alternatives")) == [
        ("[4]", "#ref-d", "Reference 4")
    ]


def test_reference_list_is_numbered_in_editor_order(page):
    references = page.select_one("section#references")
    assert text(references.find("h2")) == "References"
    items = references.select("ol.reference-list > li")
    assert [li["id"] for li in items] == ["ref-a", "ref-b", "ref-c", "ref-d"]
    assert "Trial b" in text(items[1])


def test_each_citation_links_back_from_its_reference(page):
    for li in page.select("ol.reference-list > li"):
        for backlink in li.select("a.backlink"):
            target = page.find(id=backlink["href"][1:])
            assert target is not None, backlink["href"]
            assert target["href"] == f"#{li['id']}"
    backlinks = page.select("li#ref-c a.backlink")
    assert [b["aria-label"] for b in backlinks] == [
        "Back to citation 3a",
        "Back to citation 3b",
    ]
    assert [text(b) for b in backlinks] == ["↩a", "↩b"]
    # In reading order: 3a is the efficacy citation, 3b the safety warning's.
    efficacy, warning = (page.find(id=b["href"][1:]) for b in backlinks)
    assert efficacy.find_parent(id="efficacy") is not None
    assert warning.find_parent(id="safety") is not None
    only = page.select("li#ref-a a.backlink")
    assert [(b["href"], b["aria-label"], text(b)) for b in only] == [
        (
            "#" + page.select_one('a.citation[href="#ref-a"]')["id"],
            "Back to citation 1",
            "↩",
        )
    ]


def test_uncited_reference_has_no_backlink(page):
    assert page.select("li#ref-b a.backlink") == []


def reference_links(item):
    return [
        (a.contents[0], text(a), a["href"]) for a in item.select("a.reference-link")
    ]


def test_reference_links_to_doi_pubmed_and_url(page):
    assert reference_links(page.select_one("li#ref-a")) == [
        ("DOI", "DOI for reference 1", "https://doi.org/10.1000/a"),
        (
            "PubMed",
            "PubMed for reference 1",
            "https://pubmed.ncbi.nlm.nih.gov/12804507/",
        ),
    ]
    assert reference_links(page.select_one("li#ref-c")) == [
        ("Full text", "Full text for reference 3", "https://example.org/c")
    ]


def test_reference_links_never_show_a_raw_address(page):
    for item in page.select("ol.reference-list > li"):
        assert "http" not in text(item)
        assert "doi.org" not in text(item) and "10.1000" not in text(item)


def test_a_live_page_citing_a_missing_key_still_renders(client, article_factory):
    """The gate refuses such a body; one stored before it (or by hand) still renders."""
    article = article_factory(references=[reference("a")])
    type(article).objects.filter(pk=article.pk).update(
        body=[efficacy(items=[evidence(references="a, gone")]), bottom_line()]
    )
    page = soup(client.get(article.url))
    assert citations(page.select_one("#efficacy")) == [("[1]", "#ref-a", "Reference 1")]
    assert "gone" not in text(page.select_one("#efficacy"))


def test_built_articles_keep_their_references_and_authors_in_the_order_given(
    article_factory,
):
    """Stored numbers, not insertion order: PostgreSQL returns unnumbered rows any way."""
    article = article_factory(
        references=[reference("b"), reference("a"), reference("c")],
        authors=[
            ArticleAuthor(person=writer("first")),
            ArticleAuthor(person=writer("second")),
        ],
    )
    assert list(article.references.values_list("key", "sort_order")) == [
        ("b", 0),
        ("a", 1),
        ("c", 2),
    ]
    assert list(article.authors.values_list("person__slug", "sort_order")) == [
        ("first", 0),
        ("second", 1),
    ]


def test_medicine_facts_and_interactions_cite_their_sources(client, article_factory):
    facts = {
        "type": "medicine_facts",
        "value": {
            "heading": "",
            "alcohol": "Do not drink alcohol while taking it.",
            "check_first": [],
            "references": "b",
        },
    }
    interaction = {
        "substance": "Opioid painkillers",
        "severity": "serious",
        "effect": "Slowed breathing.",
        "advice": "Tell your prescriber.",
        "references": "a",
    }
    article = article_factory(
        body=[
            overview(),
            efficacy(),
            safety(interactions=[interaction]),
            facts,
            alternatives(),
            bottom_line(),
        ],
        references=[reference("a"), reference("b")],
    )
    page = soup(client.get(article.url))
    cited = citations(page.select_one(".interaction"))
    assert [(number, href) for number, href, _ in cited] == [("[1]", "#ref-a")]
    cited = citations(page.select_one(".medicine-facts__sources"))
    assert [(number, href) for number, href, _ in cited] == [("[2]", "#ref-b")]


def test_a_medicine_fact_citing_no_reference_is_refused(article_factory):
    facts = {
        "type": "medicine_facts",
        "value": {"heading": "", "driving": "Do not drive.", "references": "nope"},
    }
    with pytest.raises(PublishingRefused, match="nope"):
        article_factory(
            body=[overview(), efficacy(), safety(), facts, bottom_line()],
        )
