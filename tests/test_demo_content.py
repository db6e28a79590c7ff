"""The demo content loads, loads again without duplicates, and editors can open it."""

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Site

from articles.contents import citing_items
from articles.models import ArticlePage, ArticleReference, Topic
from home.models import FeaturedArticle, HomePage
from tests.html import soup, text


def load():
    call_command("load_demo_content", verbosity=0)


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "slug", "live")),
        "references": sorted(
            ArticleReference.objects.values_list("page_id", "sort_order", "key")
        ),
        "topics": sorted(Topic.objects.values_list("pk", "slug")),
        "article_topics": sorted(
            ArticlePage.topics.through.objects.values_list("articlepage_id", "topic_id")
        ),
        "featured": list(
            FeaturedArticle.objects.order_by("sort_order").values_list(
                "article_id", flat=True
            )
        ),
        "sites": list(
            Site.objects.values_list("pk", "root_page_id", "is_default_site")
        ),
    }


@pytest.fixture
def demo(db):
    load()


@pytest.fixture
def diazepam(demo):
    return ArticlePage.objects.get(slug="diazepam-for-back-pain")


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    load()
    assert snapshot() == before
    assert HomePage.objects.count() == 1


def test_demo_has_no_duplicate_references_or_topics(demo):
    load()
    keys = list(ArticleReference.objects.values_list("page_id", "key"))
    assert len(keys) == len(set(keys))
    names = list(Topic.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


def test_demo_site_serves_the_home_page(client, demo):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    page = soup(client.get("/"))
    assert page.select("section.featured article.article-card")


def test_every_demo_article_meets_the_publishing_rules(demo):
    articles = ArticlePage.objects.live()
    assert articles.count() == 3
    for article in articles:
        block_types = {block.block_type for block in article.body}
        assert {"safety", "bottom_line"} <= block_types, article.slug
        keys = {ref.key for ref in article.references.all()}
        assert keys, article.slug
        cited = {
            key for item in citing_items(article.body) for key in item.citation_keys
        }
        assert cited <= keys, (article.slug, cited - keys)
        article.body.stream_block.clean(article.body)


def test_reader_reads_the_demo_article(client, diazepam):
    page = soup(client.get(diazepam.url))
    assert text(page.find("h1")) == diazepam.title
    for anchor in ("overview", "efficacy", "safety", "bottom-line", "references"):
        assert page.find(id=anchor) is not None, anchor
    assert page.select("ol.reference-list > li")
    assert page.select("a.citation")


def test_editor_opens_the_demo_article_in_the_admin(client, editor, diazepam):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(diazepam.pk,)))
    assert response.status_code == 200
    assert diazepam.title in response.content.decode()


def test_editor_previews_the_demo_article(client, editor, diazepam):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(diazepam.pk,)))
    assert response.status_code == 200
    assert diazepam.title in response.content.decode()
