"""What search engines and social sites read in each page's head."""

import pytest

from articles.builders import build_topic
from tests.content import make_image
from tests.html import parse, soup


def head(client, url, **kwargs):
    return soup(client.get(url, **kwargs)).head


def meta(document, key):
    """The content of a <meta name=...> or <meta property=...>, or None."""
    tag = document.find("meta", attrs={"name": key}) or document.find(
        "meta", attrs={"property": key}
    )
    return tag["content"] if tag else None


def canonical(document):
    links = document.find_all("link", rel="canonical")
    assert len(links) <= 1
    return links[0]["href"] if links else None


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return make_image()


def test_every_page_has_its_own_title(client, home, index, article_factory):
    first = article_factory("Diazepam for back pain")
    second = article_factory("Exercise for back pain")
    titles = [head(client, url).title.string for url in ("/", index.url)] + [
        head(client, page.url).title.string for page in (first, second)
    ]
    assert len(set(titles)) == len(titles)
    assert titles[2] == "Diazepam for back pain | Clear Health"


def test_page_language_is_british_english(client, article_factory):
    document = soup(client.get(article_factory().url))
    assert document.html["lang"] == "en-GB"


def test_article_description_is_its_summary(client, article_factory):
    article = article_factory(summary="What the trials say about diazepam & pain.")
    document = head(client, article.url)
    assert meta(document, "description") == article.summary
    assert meta(document, "og:description") == article.summary
    assert meta(document, "twitter:description") == article.summary


def test_home_and_index_are_described_by_their_introductions(client, home, index):
    assert meta(head(client, "/"), "description") == "Plain answers about treatments."
    assert (
        meta(head(client, index.url), "description") == "Every article, newest first."
    )


def test_editor_overrides_title_and_description_on_the_promote_tab(
    client, article_factory
):
    article = article_factory(
        "Diazepam for back pain",
        seo_title="Does diazepam help back pain?",
        search_description="A short answer for search results.",
    )
    document = head(client, article.url)
    assert document.title.string == "Does diazepam help back pain? | Clear Health"
    assert meta(document, "og:title") == "Does diazepam help back pain?"
    assert meta(document, "description") == "A short answer for search results."


def test_promote_tab_offers_the_overrides(client, editor, article_factory):
    article = article_factory()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    document = soup(response)
    for name in ("seo_title", "search_description", "about_treatment"):
        assert document.find(attrs={"name": name}) is not None, name


def test_canonical_url_is_absolute_and_ignores_tracking(client, article_factory):
    article = article_factory()
    url = head(client, article.url + "?utm_source=newsletter")
    assert canonical(url) == article.get_full_url()
    assert meta(url, "og:url") == article.get_full_url()


def test_canonical_url_uses_https_behind_the_proxy(client, article_factory, settings):
    # TRUST_X_FORWARDED_PROTO=true: a proxy in front says the reader used HTTPS.
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    article = article_factory()
    document = head(client, article.url, headers={"X-Forwarded-Proto": "https"})
    assert canonical(document) == article.get_full_url().replace("http:", "https:", 1)


def test_paginated_index_pages_have_their_own_canonical_url(
    client, index, article_factory, topic
):
    for _ in range(13):
        article_factory(topics=[topic])
    assert canonical(head(client, index.url)) == index.get_full_url()
    assert canonical(head(client, index.url + "?page=1")) == index.get_full_url()
    assert canonical(head(client, index.url + "?page=2")) == (
        index.get_full_url() + "?page=2"
    )
    topic_page = index.get_full_url() + "topics/back-pain/"
    assert canonical(head(client, index.url + "topics/back-pain/")) == topic_page
    assert canonical(head(client, index.url + "topics/back-pain/?page=2")) == (
        topic_page + "?page=2"
    )
    # The index's older topic filter shows the same list as the topic page.
    assert canonical(head(client, index.url + "?topic=back-pain&page=2")) == (
        topic_page + "?page=2"
    )


def test_open_graph_and_twitter_show_the_hero_image(client, article_factory, image):
    article = article_factory(
        hero_image=image, hero_image_alt="A physiotherapist guiding a stretch"
    )
    document = head(client, article.url)
    rendition = image.get_rendition("fill-1200x630")
    assert meta(document, "og:type") == "article"
    assert meta(document, "og:title") == article.title
    assert meta(document, "og:site_name") == "Clear Health"
    assert meta(document, "og:image") == "http://localhost" + rendition.url
    assert "fill-1200x630" in rendition.url
    assert meta(document, "og:image:width") == str(rendition.width)
    assert meta(document, "og:image:alt") == "A physiotherapist guiding a stretch"
    assert meta(document, "twitter:card") == "summary_large_image"
    assert meta(document, "twitter:image") == meta(document, "og:image")
    assert meta(document, "twitter:image:alt") == article.hero_image_alt
    assert meta(document, "article:published_time").startswith(
        f"{article.first_published_at:%Y-%m-%d}"
    )
    assert meta(document, "article:modified_time")


def test_without_an_image_the_card_is_a_summary(client, home, article_factory):
    document = head(client, article_factory().url)
    assert meta(document, "twitter:card") == "summary"
    assert meta(document, "og:image") is None
    home_head = head(client, "/")
    assert meta(home_head, "og:type") == "website"
    assert meta(home_head, "article:published_time") is None


def test_head_links_to_the_feeds(client, index, article_factory):
    article_factory(topics=[build_topic("Back pain", "back-pain")])
    document = head(client, index.url + "topics/back-pain/")
    feeds = {
        link["href"]
        for link in document.find_all("link", rel="alternate")
        if link.get("type") in ("application/rss+xml", "application/atom+xml")
    }
    assert feeds == {
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/topics/back-pain/rss/",
        "/feeds/topics/back-pain/atom/",
    }


@pytest.mark.parametrize(
    ("url", "status"), [("/search/?q=pain", 200), ("/no-such-page/", 404)]
)
def test_search_and_missing_pages_stay_out_of_search_engines(client, home, url, status):
    response = client.get(url)
    assert response.status_code == status
    document = parse(response.content.decode())
    assert meta(document, "robots") == "noindex"
    assert canonical(document) is None
