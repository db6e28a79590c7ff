"""The page explorer lists a section of articles in the same queries however many."""

import pytest

from tests.html import soup, text

# Wagtail's own listing, with each row's review state read in the rows' query: one
# more per article before.
EXPLORER_QUERIES = 27


def explorer(client, index):
    return client.get(f"/admin/pages/{index.pk}/")


def published_without_review(article, editor):
    """A later version an administrator sent straight to readers."""
    article.summary = "Straight to readers."
    article.save_revision(user=editor).publish(user=editor)


def row_status(page, title):
    """The status shown on the explorer's row for the article called `title`."""
    [row] = [row for row in page.find_all("tr") if title in text(row)]
    return text(row)


def test_each_row_says_whether_readers_see_the_reviewed_version(
    client, editor, index, article_factory
):
    article_factory("Reviewed treatment")
    changed = article_factory("Changed treatment")
    published_without_review(changed, editor)
    client.force_login(editor)

    page = soup(explorer(client, index))

    assert "not medically reviewed" in row_status(page, "Changed treatment")
    assert "not medically reviewed" not in row_status(page, "Reviewed treatment")


@pytest.mark.parametrize("more", [0, 4])
def test_explorer_queries_do_not_grow_with_articles(
    client, editor, index, article_factory, django_assert_num_queries, more
):
    for n in range(2 + more):
        article = article_factory(f"Treatment {n}")
        if n % 2:
            published_without_review(article, editor)
    client.force_login(editor)
    explorer(client, index)  # per-process look-ups (content types, site) warm

    with django_assert_num_queries(EXPLORER_QUERIES):
        response = explorer(client, index)
    assert response.status_code == 200
