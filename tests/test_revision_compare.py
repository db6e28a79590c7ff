"""Editors compare two revisions and see what changed inside a structured section."""

import pytest

from django.urls import reverse

from tests.content import alternatives, complete_body, efficacy, evidence, safety
from tests.html import soup, text

OLD_FINDING = "Pain eased a little after two weeks."
NEW_FINDING = "Pain eased a lot after four weeks."


@pytest.fixture
def article(article_factory):
    body = complete_body()
    body[1] = efficacy(
        items=[
            evidence(OLD_FINDING, references="a"),
            evidence("Sleep was no better.", references="a"),
        ]
    )
    body[2] = safety(
        warnings=[
            {"title": "Drowsiness", "text": "Do not drive.", "references": ""},
        ],
        interactions=[
            {
                "substance": "Alcohol",
                "severity": "serious",
                "effect": "Deep sleepiness.",
                "advice": "Do not drink while taking it.",
            }
        ],
    )
    body[3] = alternatives()
    return article_factory("Testamol for back pain", body=body)


def revise(article, change):
    """Save a new draft revision of `article` after `change(draft)`; return it."""
    draft = article.get_latest_revision_as_object()
    change(draft)
    return draft.save_revision()


def section(draft, block_type):
    return next(child.value for child in draft.body if child.block_type == block_type)


def compare(client, editor, article, before, after):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[article.pk, before.pk, after.pk]
    )
    return soup(client.get(url))


def test_changed_words_in_an_evidence_item_are_marked(client, editor, article):
    before = article.get_latest_revision()

    def edit_finding(draft):
        section(draft, "efficacy")["evidence"][0]["finding"] = NEW_FINDING

    after = revise(article, edit_finding)
    page = compare(client, editor, article, before, after)

    deleted = [text(tag) for tag in page.select(".deletion")]
    added = [text(tag) for tag in page.select(".addition")]
    assert "little" in deleted and "two" in deleted
    assert "lot" in added and "four" in added
    # The unchanged words of the finding stay as they were, around the marks.
    marked = page.select_one(".deletion").find_parent("dd")
    assert text(marked.find_previous_sibling("dt")) == "Finding"
    assert "Pain eased a" in text(marked)
    assert "after" in text(marked)
    # The other evidence item is shown unchanged.
    assert "Sleep was no better." in text(page)
    assert not any("Sleep" in words for words in deleted + added)


def test_a_new_warning_in_the_safety_section_shows_as_added(client, editor, article):
    before = article.get_latest_revision()

    def add_warning(draft):
        warnings = section(draft, "safety")["warnings"]
        warnings.append(
            warnings.list_block.child_block.to_python(
                {"title": "Falls", "text": "Older people may fall.", "references": ""}
            )
        )

    after = revise(article, add_warning)
    page = compare(client, editor, article, before, after)
    added = " ".join(text(tag) for tag in page.select(".addition"))
    assert "Older people may fall." in added
    assert "Do not drive." not in added


def field(page, label):
    """The <dd> of every compared block field labelled `label`."""
    return [
        dt.find_next_sibling("dd") for dt in page.find_all("dt") if text(dt) == label
    ]


def test_a_changed_outcome_and_certainty_show_their_labels(client, editor, article):
    before = article.get_latest_revision()

    def regrade(draft):
        item = section(draft, "efficacy")["evidence"][0]
        item["direction"] = "no_difference"
        item["certainty"] = "very_low"

    after = revise(article, regrade)
    page = compare(client, editor, article, before, after)

    outcome, unchanged_outcome = field(page, "Outcome")
    assert text(outcome.select_one(".deletion")) == "Benefit"
    assert text(outcome.select_one(".addition")) == "No clear difference"
    assert text(unchanged_outcome) == "Benefit"
    certainty, unchanged_certainty = field(page, "Certainty of evidence")[:2]
    assert text(certainty.select_one(".deletion")) == "Low"
    assert text(certainty.select_one(".addition")) == "Very low"
    assert text(unchanged_certainty) == "Low"
    # Unchanged choices elsewhere in the body read as labels too.
    assert [text(dd) for dd in field(page, "Kind")] == [
        "Physical or psychological therapy"
    ]
    assert [text(dd) for dd in field(page, "Severity")] == [
        "Serious: avoid the combination"
    ]
    # No stored value stands in for a label anywhere in the comparison.
    shown = {text(tag) for tag in page.select("dd, .deletion, .addition")}
    assert not shown & {
        "benefit",
        "no_difference",
        "low",
        "very_low",
        "therapy",
        "serious",
    }
