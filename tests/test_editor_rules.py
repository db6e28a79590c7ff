"""Editors create and publish articles through the admin; incomplete ones stay unpublished."""

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from articles.builders import build_home, build_index, build_topic
from articles.models import ArticlePage
from tests.content import make_image, person, writer

TITLE = "Testamol for back pain"


def list_block(items):
    """ListBlock form data, as the admin posts it."""
    data = {
        str(n): {"value": item, "deleted": "", "order": str(n), "id": ""}
        for n, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def evidence_form(references="a"):
    return {
        "finding": "It helped a little.",
        "comparison": "versus placebo",
        "direction": "benefit",
        "certainty": "low",
        "references": references,
    }


def overview_form():
    return (
        "overview",
        {
            "heading": "",
            "what_it_is": rich_text("<p>Testamol is a medicine.</p>"),
            "how_it_works": rich_text(""),
        },
    )


def efficacy_form(references="a"):
    return (
        "efficacy",
        {
            "heading": "",
            "introduction": rich_text("<p>Two small trials.</p>"),
            "evidence": list_block([evidence_form(references)]),
            "bottom_line": "It may help a little.",
        },
    )


def safety_form():
    return (
        "safety",
        {
            "heading": "",
            "warnings": list_block([]),
            "common_side_effects": list_block(["Drowsiness"]),
            "dependence": rich_text(""),
            "interactions": list_block([]),
            "who_should_not_take_it": list_block([]),
            "practical_advice": list_block([]),
        },
    )


def bottom_line_form():
    return (
        "bottom_line",
        {"heading": "", "text": rich_text("<p>Not a good first choice.</p>")},
    )


def reference_form(key="a", **fields):
    return {
        "key": key,
        "authors": "Smith J",
        "title": f"Trial {key}",
        "publisher": "Journal of Testing",
        "year": "2020",
        "details": "",
        "doi": f"10.1000/{key}",
        "pmid": "",
        "url": "",
        **fields,
    }


def complete_body_form():
    return [overview_form(), efficacy_form(), safety_form(), bottom_line_form()]


def article_form(body=None, references=None, topics=(), **fields):
    """POST data for the article add form: a complete article unless told otherwise."""
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": "testamol-for-back-pain",
            "summary": "What the evidence says about testamol.",
            "hero_image": "",
            "hero_image_alt": "",
            "body": streamfield(complete_body_form() if body is None else body),
            "references": inline_formset(
                [reference_form()] if references is None else references
            ),
            "comments": inline_formset([]),
            "authors": inline_formset([{"person": writer().pk}]),
            "medical_reviewer": person().pk,
            "corrections": inline_formset([]),
            "related_links": inline_formset([]),
            "review_interval_months": 12,
            "next_review_due": "",
            **fields,
        }
    )
    # nested_form_data would number a list's items; a multiple choice posts them under one name.
    data["topics"] = [t.pk for t in topics]
    return data


class EditorCreatesArticle(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.index = build_index(cls.home)
        cls.topic = build_topic("Back pain", "back-pain")
        cls.user = cls.create_superuser("editor")

    def setUp(self):
        self.client.force_login(self.user)
        self.add_url = reverse(
            "wagtailadmin_pages:add", args=("articles", "articlepage", self.index.pk)
        )

    def post(self, data, publish=True):
        if publish:
            data["action-publish"] = "action-publish"
            data["publish_without_review"] = "on"  # an administrator, on purpose
        return self.client.post(self.add_url, data)

    def assertRefused(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, message)
        self.assertFalse(ArticlePage.objects.exists())

    def test_editor_publishes_a_complete_article(self):
        self.assertCanCreate(
            self.index,
            ArticlePage,
            {**article_form(topics=[self.topic]), "publish_without_review": "on"},
        )
        article = ArticlePage.objects.get()
        self.assertTrue(article.live)
        self.assertEqual(article.get_parent().pk, self.index.pk)
        self.assertEqual(
            [b.block_type for b in article.body],
            ["overview", "efficacy", "safety", "bottom_line"],
        )
        self.assertEqual([r.key for r in article.references.all()], ["a"])
        self.assertEqual(list(article.topics.all()), [self.topic])

    def test_publishing_without_safety_section_is_refused(self):
        body = [overview_form(), efficacy_form(), bottom_line_form()]
        response = self.post(article_form(body=body))
        self.assertRefused(response, "Add a Safety section before publishing")

    def test_publishing_without_bottom_line_is_refused(self):
        body = [overview_form(), efficacy_form(), safety_form()]
        response = self.post(article_form(body=body))
        self.assertRefused(response, "Add a Bottom line section before publishing.")

    def test_publishing_without_references_is_refused(self):
        body = [overview_form(), efficacy_form(references=""), safety_form()]
        body.append(bottom_line_form())
        response = self.post(article_form(body=body, references=[]))
        self.assertRefused(response, "Add at least one reference before publishing.")

    def test_citing_a_missing_reference_is_refused(self):
        body = [overview_form(), efficacy_form(references="a, nobody2020")]
        body += [safety_form(), bottom_line_form()]
        response = self.post(article_form(body=body))
        self.assertRefused(response, "These citations point at no reference")
        self.assertContains(response, "nobody2020")

    def test_two_efficacy_sections_are_refused(self):
        body = [efficacy_form(), efficacy_form(), safety_form(), bottom_line_form()]
        response = self.post(article_form(body=body))
        self.assertRefused(response, "Efficacy: The maximum number of items is 1")

    def test_bad_doi_is_refused(self):
        response = self.post(
            article_form(references=[reference_form(doi="doi:bmj.n1446")])
        )
        self.assertRefused(response, "A DOI starts with 10. and a slash")

    def test_hero_image_without_alt_text_is_refused(self):
        image = make_image()
        response = self.post(article_form(hero_image=image.pk))
        self.assertRefused(response, "Describe the hero image")

    def test_incomplete_draft_can_be_saved(self):
        response = self.post(
            article_form(body=[overview_form()], references=[]), publish=False
        )
        article = ArticlePage.objects.get()
        self.assertRedirects(
            response, reverse("wagtailadmin_pages:edit", args=(article.pk,))
        )
        self.assertFalse(article.live)
        self.assertIsNone(article.first_published_at)
        self.assertEqual(article.revisions.count(), 1)
        self.assertFalse(Page.objects.live().type(ArticlePage).exists())


@pytest.mark.django_db
def test_moderator_cannot_publish_an_article_directly(client, moderator, index):
    client.force_login(moderator)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)
    )
    form = client.get(add_url).content.decode()
    assert 'name="action-publish"' not in form
    response = client.post(add_url, {**article_form(), "action-publish": "publish"})
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert not article.live
    assert article.owner == moderator


@pytest.mark.django_db
def test_member_of_editors_group_writes_a_draft_but_cannot_publish(
    client, group_editor, index
):
    client.force_login(group_editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", index.pk)
    )
    response = client.post(add_url, {**article_form(), "action-publish": "publish"})
    article = ArticlePage.objects.get()
    assert response.status_code == 302
    assert not article.live
    assert article.get_latest_revision().user == group_editor
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert edit.status_code == 200
