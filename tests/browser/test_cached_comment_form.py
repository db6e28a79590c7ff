"""A brand-new visitor comments from a page served out of the page cache."""

import pytest

from articles.comments.models import PendingComment

ARTICLE = "/articles/diazepam-for-back-pain/"


@pytest.fixture
def cached_site(demo_site, settings, page_at):
    """The demo site with the page cache on, the article already stored by a reader."""
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(3):
        # A reader of their own each time: a browser's second visit revalidates.
        response = page_at().goto(demo_site.url + ARTICLE)
        if response.headers.get("x-page-cache") == "hit":
            return demo_site
    raise AssertionError("the article is not served from the cache")


@pytest.mark.parametrize("java_script_enabled", [False, True], ids=["no-js", "js"])
def test_a_new_visitor_comments_from_a_cached_page(
    cached_site, page_at, java_script_enabled
):
    page = page_at(java_script_enabled=java_script_enabled)

    response = page.goto(cached_site.url + ARTICLE)
    assert response.headers["x-page-cache"] == "hit"
    assert page.context.cookies() == [], "a stored page sets no cookie"

    page.get_by_label("Name").fill("Robin")
    page.get_by_label("Email address").fill("robin@example.org")
    page.get_by_label("Comment", exact=True).fill("Asked from a cached page.")
    page.get_by_role("button", name="Post comment").click()

    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert PendingComment.objects.filter(comment="Asked from a cached page.").exists()
