"""No article goes live without its medical review, whichever route tries to publish it."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.actions.move_page import MovePageAction
from wagtail.models import PageLogEntry

import tests.test_editor_rules as admin_forms
from articles.builders import publish_reviewed
from articles.models import ArticlePage, MedicalReview
from articles.publishing import PublishingRefused
from articles.workflow import assign_medical_review
from tests.content import complete_body
from tests.html import soup


@pytest.fixture
def section(index):
    assign_medical_review(index)
    return index


@pytest.fixture
def reviewed(section, article_factory):
    """A live article whose live version a medical reviewer approved."""
    return article_factory("Reviewed treatment")


@pytest.fixture
def unreviewed_draft(reviewed):
    """An editor's unreviewed change to the live article, saved as a draft."""
    draft = reviewed.get_latest_revision_as_object()
    draft.summary = "An unreviewed claim."
    return draft.save_revision()


@pytest.fixture
def failing_draft(section, article_factory):
    """A never-published article missing its Bottom line and references."""
    body = [b for b in complete_body() if b["type"] != "bottom_line"]
    return article_factory("Incomplete treatment", body=body, publish=False)


def refresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def nothing_unreviewed_is_live(article):
    article = refresh(article)
    return not article.live or article.live_content_reviewed


# Revision.publish() from code or a management command.


def test_code_cannot_publish_an_unreviewed_revision(reviewed, unreviewed_draft):
    with pytest.raises(PublishingRefused, match="Medical review workflow"):
        unreviewed_draft.publish()
    article = refresh(reviewed)
    assert article.summary != "An unreviewed claim."
    assert article.live_content_reviewed


def test_code_cannot_publish_an_incomplete_article_even_as_administrator(
    failing_draft, editor
):
    revision = failing_draft.get_latest_revision()
    with pytest.raises(PublishingRefused) as refusal:
        revision.publish(user=editor)
    messages = str(refusal.value)
    assert "Add a Bottom line section before publishing." in messages
    assert not refresh(failing_draft).live


def test_a_reviewed_revision_is_published_from_code(section, article_factory):
    article = article_factory(publish=False)
    assert not article.live
    publish_reviewed(article)
    article = refresh(article)
    assert article.live and article.live_content_reviewed


# Scheduled publishing.


def test_scheduled_publishing_skips_an_unreviewed_revision(reviewed, unreviewed_draft):
    past = timezone.now() - datetime.timedelta(minutes=5)
    unreviewed_draft.approved_go_live_at = past
    unreviewed_draft.save()
    call_command("publish_scheduled")
    assert refresh(reviewed).summary != "An unreviewed claim."


def test_scheduled_publishing_publishes_a_reviewed_revision(reviewed, unreviewed_draft):
    article = refresh(reviewed)
    from articles.builders import reviewer_account
    from articles.reviews import record_review

    record_review(article, unreviewed_draft, reviewer_account(article.medical_reviewer))
    unreviewed_draft.approved_go_live_at = timezone.now() - datetime.timedelta(
        minutes=5
    )
    unreviewed_draft.save()
    call_command("publish_scheduled")
    article = refresh(reviewed)
    assert article.summary == "An unreviewed claim."
    assert article.live_content_reviewed


# The edit form, as each role.


def edit(client, user, article, **fields):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    authors = [{"id": a.pk, "person": a.person_id} for a in article.authors.all()]
    references = [
        {**admin_forms.reference_form(), "id": r.pk} for r in article.references.all()
    ]
    data = admin_forms.article_form(slug=article.slug, **fields)
    data.update(
        admin_forms.nested_form_data(
            {
                "authors": admin_forms.inline_formset(authors, initial=len(authors)),
                "references": admin_forms.inline_formset(
                    references, initial=len(references)
                ),
            }
        )
    )
    data["action-publish"] = "publish"
    return client.post(url, data, follow=True)


@pytest.fixture
def clinician(django_user_model):
    """A medical reviewer with a linked Person: may edit articles, not publish them."""
    from tests.content import person

    user = django_user_model.objects.create_user(username="clin", password="x")
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    person("dr-clin", name="Dr Clin", user=user)
    return user


@pytest.mark.parametrize("role", ["moderator", "group_editor", "clinician"])
def test_staff_publish_from_the_edit_form_is_kept_as_a_draft(
    request, client, reviewed, role
):
    user = request.getfixturevalue(role)
    assert not user.is_superuser
    response = edit(client, user, reviewed, summary="A staff member's change.")
    assert "through the Medical review workflow" in response.content.decode()
    assert "Your changes are saved as a draft." in response.content.decode()
    article = refresh(reviewed)
    assert article.summary != "A staff member's change."
    assert article.live_content_reviewed
    draft = article.get_latest_revision_as_object()
    assert draft.summary == "A staff member's change."


def test_administrator_must_confirm_a_direct_publish(client, editor, reviewed):
    response = edit(client, editor, reviewed, summary="Straight to readers.")
    assert "Saved as a draft, not published." in response.content.decode()
    article = refresh(reviewed)
    assert article.summary != "Straight to readers."
    assert article.get_latest_revision_as_object().summary == "Straight to readers."


def test_administrators_confirmed_publish_is_shown_as_unreviewed(
    client, editor, reviewed
):
    edit(
        client,
        editor,
        reviewed,
        summary="Straight to readers.",
        publish_without_review="on",
    )
    article = refresh(reviewed)
    assert article.live and article.summary == "Straight to readers."
    assert not article.live_content_reviewed
    assert "not medically reviewed" in article.status_string
    assert PageLogEntry.objects.filter(
        page=article, action="articles.published_without_review"
    ).exists()
    page = soup(client.get(article.url))
    byline = page.select_one(".byline").get_text(" ", strip=True)
    assert "Medically reviewed by" not in byline
    assert "Updated since its last medical review on" in byline


def test_every_publishing_error_is_shown_at_once_beside_its_field(
    client, editor, section
):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    body = [admin_forms.overview_form(), admin_forms.efficacy_form(references="zz")]
    data = admin_forms.article_form(
        body=body,
        summary="",
        medical_reviewer="",
        authors=admin_forms.inline_formset([]),
        publish_without_review="on",
    )
    data.update(
        admin_forms.nested_form_data({"authors": admin_forms.inline_formset([])})
    )
    response = client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 200
    content = response.content.decode()
    for message in (
        "Add a summary before publishing",
        "Choose a medical reviewer before publishing.",
        "Add at least one author before publishing.",
        "Add a Safety section before publishing",
        "Add a Bottom line section before publishing.",
        "These citations point at no reference: zz.",
        "reference keys are: a.",
    ):
        assert message in content, message
    assert not ArticlePage.objects.exists()


def test_sections_out_of_reading_order_are_refused(client, editor, section):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    body = [
        admin_forms.overview_form(),
        admin_forms.safety_form(),
        admin_forms.efficacy_form(),
        admin_forms.bottom_line_form(),
    ]
    data = admin_forms.article_form(body=body, publish_without_review="on")
    response = client.post(url, {**data, "action-publish": "publish"})
    assert (
        "Put the sections in reading order before publishing: Overview, Efficacy, Safety"
        in (response.content.decode())
    )
    assert not ArticlePage.objects.live().exists()


def test_a_new_article_starts_with_its_sections_in_place(client, group_editor, section):
    client.force_login(group_editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    content = client.get(url).content.decode()
    for name in (
        "overview",
        "efficacy",
        "safety",
        "alternatives",
        "deciding",
        "bottom_line",
    ):
        assert f"&quot;type&quot;: &quot;{name}&quot;" in content, name
    assert ArticlePage().body[0].block_type == "overview"


# Bulk actions.


def bulk_publish(client, user, article):
    client.force_login(user)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={article.pk}"
    )
    return client.post(url, {"include_descendants": ""}, follow=True)


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_bulk_publish_leaves_an_unreviewed_draft_unpublished(
    request, client, reviewed, unreviewed_draft, role
):
    response = bulk_publish(client, request.getfixturevalue(role), reviewed)
    assert response.status_code < 500
    article = refresh(reviewed)
    assert article.summary != "An unreviewed claim."
    assert article.live_content_reviewed


def test_bulk_publish_of_a_never_published_article_publishes_nothing(
    client, editor, failing_draft
):
    response = bulk_publish(client, editor, failing_draft)
    assert "Nothing was published" in response.content.decode()
    assert not refresh(failing_draft).live


def test_bulk_publish_of_the_index_with_descendants_skips_articles(
    client, editor, section, failing_draft
):
    client.force_login(editor)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={section.pk}"
    )
    response = client.post(url, {"include_descendants": "on"}, follow=True)
    assert "Nothing was published" in response.content.decode()
    assert not refresh(failing_draft).live


# Revert, copy and move.


def test_revert_and_publish_needs_review_like_any_publish(
    editor, reviewed, unreviewed_draft
):
    first = reviewed.revisions.order_by("created_at").first()
    revert = first.as_object().save_revision(user=editor, previous_revision=first)
    with pytest.raises(PublishingRefused):
        revert.publish(previous_revision=first)
    assert refresh(reviewed).live_content_reviewed


def test_copy_with_publish_copies_is_refused_in_the_admin(client, editor, reviewed):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:copy", args=(reviewed.pk,))
    response = client.post(
        url,
        {
            "new_title": "Copy",
            "new_slug": "copy",
            "new_parent_page": reviewed.get_parent().pk,
            "publish_copies": "on",
        },
        follow=True,
    )
    assert "Nothing was copied" in response.content.decode()
    assert ArticlePage.objects.count() == 1


def test_a_copy_from_code_never_starts_live(reviewed):
    copy = reviewed.copy(update_attrs={"slug": "copy", "title": "Copy"}, keep_live=True)
    assert not refresh(copy).live
    assert not MedicalReview.objects.filter(article=copy).exists()


def test_moving_does_not_publish_a_draft(reviewed, unreviewed_draft, editor):
    MovePageAction(
        refresh(reviewed), reviewed.get_parent(), pos="last-child", user=editor
    ).execute()
    article = refresh(reviewed)
    assert article.summary != "An unreviewed claim."
    assert article.live_content_reviewed


# Workflow approval.


def test_workflow_approval_of_an_incomplete_article_publishes_nothing(
    section, failing_draft, moderator, clinician
):
    from wagtail.models import Workflow

    state = Workflow.objects.get(name="Medical review").start(failing_draft, moderator)
    state.current_task_state.approve(user=moderator)
    state.refresh_from_db()
    with pytest.raises(PublishingRefused):
        state.current_task_state.approve(user=clinician)
    assert not refresh(failing_draft).live


# Editing that helps.


def test_fields_needed_for_publishing_are_marked(client, group_editor, section):
    client.force_login(group_editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    page = soup(client.get(url))
    for field in ("summary", "medical_reviewer"):
        assert page.select_one(f"#id_{field}").has_attr("required"), field
    content = page.get_text(" ")
    assert "Required to publish: at least one author." in content
    assert "Required to publish: at least one reference." in content
    assert "Required to publish: a Safety section and a Bottom line" in content
    # The "Cites" fields suggest this article's own reference keys.
    scripts = [s.get("src", "") for s in page.find_all("script")]
    assert any("articles/js/citation-keys.js" in src for src in scripts)


def test_the_direct_publish_box_is_for_administrators_only(
    client, group_editor, editor, reviewed
):
    url = reverse("wagtailadmin_pages:edit", args=(reviewed.pk,))
    client.force_login(group_editor)
    assert 'name="publish_without_review"' not in client.get(url).content.decode()
    client.force_login(editor)
    assert 'name="publish_without_review"' in client.get(url).content.decode()


def test_the_people_list_shows_linked_accounts(client, editor, reviewed):
    from articles.builders import reviewer_account

    reviewer_account(reviewed.medical_reviewer)
    client.force_login(editor)
    listing = soup(client.get("/admin/snippets/articles/person/"))
    assert "reviewer-dr-test-reviewer" in listing.get_text(" ")


def test_the_review_record_is_listed_in_the_admin(client, editor, reviewed):
    client.force_login(editor)
    listing = soup(client.get("/admin/snippets/articles/medicalreview/"))
    assert "Dr Test Reviewer" in listing.get_text(" ")
    assert "Reviewed treatment" in listing.get_text(" ")
    add = client.get("/admin/snippets/articles/medicalreview/add/")
    assert add.status_code in (302, 403, 404)
    assert MedicalReview.objects.count() == 1
