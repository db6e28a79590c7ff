"""Articles in a topic that needs urgent-help advice cannot go live without it, by any route."""

import pytest

from django.urls import reverse

import tests.test_editor_rules as admin_forms
from articles.builders import build_topic, publish_reviewed
from articles.models import ArticlePage
from articles.publishing import PublishingRefused
from tests.content import complete_body, urgent_help

MISSING = "Add a “Get help urgently” block before publishing"
PUBLISH = {"action-publish": "action-publish", "publish_without_review": "on"}


@pytest.fixture
def chest_pain(db):
    return build_topic("Chest pain", "chest-pain", needs_urgent_help=True)


def urgent_help_form():
    return (
        "urgent_help",
        {
            "heading": "",
            "emergency": admin_forms.list_block(["your chest feels tight or heavy"]),
            "urgent": admin_forms.list_block([]),
        },
    )


def post_article(client, editor, index, topics, body):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    data = admin_forms.article_form(body=body, topics=topics)
    data.update(PUBLISH)
    return client.post(url, data)


def test_the_edit_form_names_the_topic_that_needs_urgent_help(
    client, editor, index, chest_pain
):
    response = post_article(
        client, editor, index, [chest_pain], admin_forms.complete_body_form()
    )
    assert response.status_code == 200
    # Body errors reach the page as the stream editor's JSON, quotes escaped.
    assert "block before publishing: articles about Chest pain must say" in (
        response.content.decode()
    )
    assert not ArticlePage.objects.exists()


def test_with_the_block_the_article_is_published(client, editor, index, chest_pain):
    body = [urgent_help_form(), *admin_forms.complete_body_form()]
    response = post_article(client, editor, index, [chest_pain], body)
    assert response.status_code == 302
    assert ArticlePage.objects.get().live


def test_other_topics_do_not_need_it(client, editor, index, topic):
    response = post_article(
        client, editor, index, [topic], admin_forms.complete_body_form()
    )
    assert response.status_code == 302
    assert ArticlePage.objects.get().live


def test_code_cannot_publish_without_it(article_factory, chest_pain):
    with pytest.raises(PublishingRefused, match=MISSING):
        article_factory(topics=[chest_pain])
    assert not ArticlePage.objects.live().exists()


def test_marking_a_topic_later_stops_its_drafts_going_live(article_factory, topic):
    article = article_factory(topics=[topic])
    topic.needs_urgent_help = True
    topic.save()
    revision = article.save_revision()
    with pytest.raises(PublishingRefused, match=MISSING):
        publish_reviewed(article, revision)
    article.body = [urgent_help(), *complete_body()]
    publish_reviewed(article, article.save_revision())
    article.refresh_from_db()
    assert article.body[0].block_type == "urgent_help"
