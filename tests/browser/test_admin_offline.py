"""The admin asks nothing of third parties: no avatars, fonts or scripts from elsewhere."""

from urllib.parse import urlsplit

import pytest

from articles.models import ArticleIndexPage, ArticlePage

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def owner(demo_site, django_user_model):
    """A superuser with an email address, which a Gravatar URL would be made from."""
    return django_user_model.objects.create_superuser(
        username="owner", email="owner@example.org", password=PASSWORD
    )


def test_admin_pages_request_only_the_site_itself(owner, demo_site, page_at):
    page = page_at()
    page.set_default_timeout(20_000)
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(demo_site.url + "/admin/login/")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(demo_site.url + "/admin/")

    index = ArticleIndexPage.objects.get()
    article = ArticlePage.objects.first()
    visited = [
        "/admin/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/account/",
    ]
    for path in visited:
        page.goto(demo_site.url + path)
        # Avatars, fonts and editor widgets load after the document: wait for them.
        page.wait_for_load_state("networkidle")
        assert page.url == demo_site.url + path

    own_host = urlsplit(demo_site.url).netloc
    # The pages themselves, and what they load, were all requested.
    assert {urlsplit(url).path for url in requested} >= set(visited)
    assert any(urlsplit(url).path.endswith(".js") for url in requested)
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme not in ("data", "blob")
        and urlsplit(url).netloc != own_host
    ]
    assert elsewhere == []
