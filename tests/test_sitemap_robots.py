"""The sitemap lists every live public page; robots.txt points at it and keeps crawlers
out of the admin and search."""

import datetime

import pytest

from wagtail.models import PageViewRestriction

from tests.test_sitemap_scale import crawl


def sitemap(client):
    """{loc: lastmod} over every file the sitemap index names."""
    return {loc: lastmod for urls in crawl(client).values() for loc, lastmod in urls}


@pytest.fixture
def hidden(article_factory):
    """A draft, a private article, and a live one with an unpublished new slug."""
    draft = article_factory(slug="zanzibar-draft", publish=False)
    private = article_factory(slug="private-article")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    changed = article_factory(slug="published-slug")
    changed.slug = "unpublished-slug"
    changed.save_revision()
    return draft, private, changed


def test_sitemap_lists_live_pages_with_their_last_change(
    client, home, index, article_factory
):
    article = article_factory()
    urls = sitemap(client)
    assert set(urls) == {
        "http://localhost/",
        index.get_full_url(),
        article.get_full_url(),
    }
    lastmod = datetime.date.fromisoformat(urls[article.get_full_url()])
    assert lastmod == article.last_published_at.date()


def test_sitemap_leaves_out_drafts_private_pages_and_unpublished_changes(
    client, index, hidden
):
    urls = " ".join(sitemap(client))
    assert "zanzibar-draft" not in urls
    assert "private-article" not in urls
    assert "unpublished-slug" not in urls
    assert "published-slug" in urls
    assert "/search/" not in urls


def test_robots_points_at_the_sitemap_and_keeps_out_admin_and_search(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    for prefix in ("/admin/", "/django-admin/", "/search/", "/comments/"):
        assert f"Disallow: {prefix}" in lines
    assert "Disallow: /" not in lines
    assert client.head("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405


def test_robots_gives_the_https_sitemap_behind_the_proxy(client, home, settings):
    # TRUST_X_FORWARDED_PROTO=true: a proxy in front says the reader used HTTPS.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/robots.txt", headers={"X-Forwarded-Proto": "https"})
    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode()
