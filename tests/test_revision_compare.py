"""Editors compare two revisions and see what changed inside a structured section."""

import pytest

from django.urls import reverse

from tests.content import complete_body, efficacy, evidence, safety
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
        ]
    )
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
