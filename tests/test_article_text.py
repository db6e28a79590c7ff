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
