"""The words a reader sees in an article, as search, descriptions and readability read them."""

import pytest

from wagtail import blocks

from articles.blocks import AlternativesSectionBlock, ArticleStreamBlock
from articles.models import ArticlePage
from articles.text import article_text, block_text, body_paragraphs, plain_text
from tests.content import (
    alternatives,
    bottom_line,
    complete_body,
    efficacy,
    evidence,
    guidelines,
    make_image,
    overview,
    safety,
)

# Stored values of choice fields: codes, not words a reader sees.
CODES = {"benefit", "low", "moderate", "therapy", "serious", "warning", "info"}


def words(paragraphs):
    return {w.strip(".,:;()").casefold() for p in paragraphs for w in p.split()}


def test_paragraphs_are_separated_by_a_space():
    assert plain_text("<p>seizure (fit).</p><p>Back pain</p>") == (
        "seizure (fit). Back pain"
    )
    assert plain_text("<ul><li>Drowsiness</li><li>Dizziness</li></ul>") == (
        "Drowsiness Dizziness"
    )
    assert plain_text("One line<br>another, <b>bold</b>ly &amp; more") == (
        "One line another, boldly & more"
    )
    assert plain_text("") == plain_text(None) == ""


def test_rich_text_paragraphs_stay_apart_in_the_body():
    body = [overview(what_it_is="<p>It may cause a seizure (fit).</p><p>Back pain</p>")]
    found = block_text(ArticleStreamBlock(), body)
    assert "It may cause a seizure (fit)." in found
    assert "Back pain" in found
    assert not any("fit).Back" in p for p in found)


def test_choices_keys_and_ids_give_no_text():
    body = [
        *complete_body(),
        safety(
            interactions=[
                {
                    "substance": "Opioids",
                    "severity": "serious",
                    "effect": "Slowed breathing.",
                    "advice": "Do not combine.",
                }
            ],
            warnings=[{"title": "Falls", "text": "Take care.", "references": "a"}],
        ),
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Urgent", "text": "<p>Call.</p>"},
        },
    ]
    body[1] = efficacy(items=[evidence("It helped.", references="friedman2017")])
    raw = [{**item, "id": "3f1c7d2e-0000-4000-8000-000000000000"} for item in body]
    found = block_text(ArticleStreamBlock(), raw)
    assert "It helped." in found
    assert "Opioids" in found and "Urgent" in found
    assert not CODES & {p.casefold() for p in found}
    assert "friedman2017" not in words(found)
    assert not any("3f1c7d2e" in p for p in found)


def test_stored_and_python_values_read_the_same():
    block = AlternativesSectionBlock()
    raw = alternatives(introduction="<p>Most back pain settles.</p>")["value"]
    assert block_text(block, raw) == block_text(block, block.to_python(raw))
    assert block_text(block, raw) == [
        "Most back pain settles.",
        "Exercise therapy",
        "Helps people move better.",
    ]


def test_a_new_non_prose_field_adds_nothing():
    block = blocks.StructBlock(
        [
            ("name", blocks.CharBlock()),
            ("grade", blocks.ChoiceBlock(choices=[("a1", "Grade one")])),
            ("link", blocks.URLBlock()),
            ("count", blocks.IntegerBlock()),
        ]
    )
    value = {"name": "Stretching", "grade": "a1", "link": "https://x.test", "count": 3}
    assert block_text(block, value) == ["Stretching"]


@pytest.mark.django_db
def test_article_text_is_read_without_queries(
    article_factory, index, django_assert_num_queries
):
    image = make_image()
    other = article_factory("Heat")
    body = [
        overview(what_it_is="<p>First point</p><ul><li>A list item</li></ul>"),
        efficacy(),
        safety(),
        alternatives(
            options=[
                {
                    "name": "Heat",
                    "kind": "self_care",
                    "evidence": "Eases pain a little.",
                    "certainty": "low",
                    "references": "a",
                    "page": other.pk,
                }
            ]
        ),
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "Alt", "decorative": False},
                "caption": "A stretch",
            },
        },
        bottom_line(),
    ]
    article = article_factory(summary="What the evidence says", body=body)
    page = ArticlePage.objects.get(pk=article.pk)
    with django_assert_num_queries(0):
        found = body_paragraphs(page)
        plain = article_text(page)
    assert found[:2] == ["First point", "A list item"]
    assert "A stretch" in found and "Alt" not in found
    assert plain.startswith("What the evidence says. First point. A list item.")
    assert str(other.pk) not in words(found)


TWO_PARAGRAPHS = "<p>seizure (fit).</p><p>Back pain</p>"


def rich_text_section(text):
    return {"type": "rich_text", "value": {"heading": "", "text": text}}


@pytest.mark.django_db
def test_snippet_description_and_readability_join_paragraphs_with_a_space(
    client, home, article_factory
):
    """Every reader of the one extractor sees "seizure (fit). Back pain"."""
    from articles.readability import article_text as readability_text
    from tests.html import soup, text

    body = complete_body()
    body.insert(-1, rich_text_section(TWO_PARAGRAPHS))
    article = article_factory("Testamol", body=body)

    # Search results: the snippet is the matching sentence, never two run together.
    for query, sentence in (("seizure", "seizure (fit)."), ("back pain", "Back pain")):
        results = soup(client.get("/search/", {"q": query}))
        snippet = text(results.select_one(".search-result__snippet"))
        assert snippet.endswith(sentence), (query, snippet)
        assert "fit).Back" not in text(results.select_one("main"))

    # Meta descriptions read rich text the same way (the home page's introduction).
    home.introduction = TWO_PARAGRAPHS
    home.save_revision().publish()
    head = soup(client.get("/")).find("head")
    for selector in ('meta[name="description"]', 'meta[property="og:description"]'):
        assert head.select_one(selector)["content"] == "seizure (fit). Back pain"

    # The readability panel measures the same words.
    page = ArticlePage.objects.get(pk=article.pk)
    assert "seizure (fit). Back pain." in readability_text(page)
    assert "fit).Back" not in readability_text(page)


def test_guidelines_give_their_words_not_their_codes_or_links():
    """Strength is a choice key, the link an address, the year a number: none is prose."""
    body = [guidelines()]
    stored = block_text(ArticleStreamBlock(), body)
    python = block_text(ArticleStreamBlock(), ArticleStreamBlock().to_python(body))
    for found in (stored, python):
        assert found == [
            "NICE",
            "Low back pain and sciatica in over 16s (NG59)",
            "Do not offer benzodiazepines.",
        ]
        joined = " ".join(found)
        assert "do_not_offer" not in joined
        assert "nice.org.uk" not in joined and "https" not in joined
        assert "2016" not in joined


def test_medicine_facts_and_urgent_help_give_only_their_words():
    body = [
        {
            "type": "urgent_help",
            "value": {
                "heading": "",
                "emergency": ["you cannot feel your legs"],
                "urgent": ["the pain lasts 4 weeks"],
            },
        },
        {
            "type": "medicine_facts",
            "value": {
                "heading": "",
                "how_to_take": "As tablets.",
                "alcohol": "Do not drink alcohol.",
                "check_first": ["Sleep apnoea"],
            },
        },
    ]
    found = block_text(ArticleStreamBlock(), body)
    assert found == [
        "you cannot feel your legs",
        "the pain lasts 4 weeks",
        "As tablets.",
        "Do not drink alcohol.",
        "Sleep apnoea",
    ]
