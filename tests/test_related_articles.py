"""A reader finishes an article and sees what to read next."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageViewRestriction

from articles.builders import build_topic, publish_reviewed
from articles.models import ArticlePage, RelatedArticle
from articles.related import related_articles
from tests.html import soup, text


def pick(article, *picks):
    """Make `picks` the editor's related articles for `article`, in order."""
    article.related_links.set(
        [RelatedArticle(article=p, sort_order=n) for n, p in enumerate(picks)]
    )
    publish_reviewed(article, article.save_revision())
    return ArticlePage.objects.get(pk=article.pk)


def titles(articles):
    return [a.title for a in articles]


def age(article, days):
    """Backdate when an article was first published."""
    when = timezone.now() - timedelta(days=days)
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when)


@pytest.fixture
def topics(db):
    return [build_topic(f"Topic {n}", f"topic-{n}") for n in range(3)]


def test_picks_come_first_in_order_then_shared_topics(article_factory, topics):
    a, b, c = topics
    article = article_factory("Reading", topics=[a, b])
    article_factory("Shares two", topics=[a, b])
    article_factory("Shares one", topics=[b])
    picked_second = article_factory("Picked second")
    picked_first = article_factory("Picked first", topics=[a])
    article_factory("Shares none", topics=[c])
    article = pick(article, picked_first, picked_second)
    assert titles(related_articles(article)) == [
        "Picked first",
        "Picked second",
        "Shares two",
        "Shares one",
    ]


def test_equal_sharing_goes_newest_first(article_factory, topics):
    article = article_factory("Reading", topics=[topics[0]])
    old = article_factory("Old", topics=[topics[0]])
    new = article_factory("New", topics=[topics[0]])
    age(old, 30)
    age(new, 1)
    assert titles(related_articles(article)) == ["New", "Old"]


def test_limit_is_four_by_default(article_factory, topics):
    article = article_factory("Reading", topics=[topics[0]])
    for n in range(6):
        article_factory(f"Other {n}", topics=[topics[0]])
    assert len(related_articles(article)) == 4
    assert len(related_articles(article, limit=2)) == 2


def test_never_itself(article_factory, topics):
    article = article_factory("Reading", topics=[topics[0]])
    article = pick(article, article)
    assert related_articles(article) == []


def test_never_drafts_or_private_pages(article_factory, topics):
    article = article_factory("Reading", topics=[topics[0]])
    draft = article_factory("Unique draft title", topics=[topics[0]], publish=False)
    private = article_factory("Private", topics=[topics[0]])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    unpublished = article_factory("Unpublished later", topics=[topics[0]])
    unpublished.unpublish()
    article = pick(article, draft, private, unpublished)
    assert related_articles(article) == []


def test_rendered_after_references_and_before_comments(client, article_factory, topics):
    article = article_factory("Reading", topics=[topics[0]])
    other = article_factory("Read this next", topics=[topics[0]])
    article_factory("Unique draft title", topics=[topics[0]], publish=False)
    response = client.get(article.url)
    page = soup(response)
    related = page.select_one("aside.related-articles")
    assert text(related.find("h2")) == "Related articles"
    links = related.select(".article-card__title a")
    assert [text(a) for a in links] == ["Read this next"]
    assert links[0]["href"] == other.url
    html = response.content.decode()
    assert html.index('id="references"') < html.index("related-articles")
    assert html.index("related-articles") < html.index('id="comments"')
    assert "Unique draft title" not in html


def test_no_section_when_nothing_is_related(client, article_factory):
    article = article_factory("Alone")
    assert soup(client.get(article.url)).select_one(".related-articles") is None


@pytest.mark.parametrize("count", [1, 4])
def test_related_articles_take_two_queries(
    article_factory, topics, django_assert_num_queries, count
):
    article = article_factory("Reading", topics=topics)
    others = [article_factory(topics=topics) for _ in range(count)]
    article = pick(article, *others[:2])
    with django_assert_num_queries(2):
        assert len(related_articles(article)) == count


def test_editors_pick_related_articles_in_the_admin(admin_client, article_factory):
    article = article_factory("Reading")
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Related articles" in html
    assert 'name="related_links-TOTAL_FORMS"' in html


def test_demo_articles_show_the_editors_picks(client, db):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    article = ArticlePage.objects.get(slug="diazepam-for-back-pain")
    page = soup(client.get(article.url))
    links = page.select("aside.related-articles .article-card__title a")
    assert [text(a) for a in links][:2] == [
        ArticlePage.objects.get(slug="exercise-therapy-for-back-pain").title,
        ArticlePage.objects.get(slug="nsaids-for-back-pain").title,
    ]
