"""An article passes editorial review, then medical review, before readers see it."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import TaskState, Workflow, WorkflowState

import tests.test_editor_rules as admin_forms
from articles import reviews
from articles.models import ArticlePage
from articles.reviews import MedicalReview, add_months
from articles.workflow import assign_medical_review
from tests.content import person

TODAY = datetime.date(2026, 1, 31)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    monkeypatch.setattr(reviews, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def section(index):
    assign_medical_review(index)
    return index


@pytest.fixture
def clinician(django_user_model):
    """A member of "Medical reviewers" with a Person for the byline."""
    user = django_user_model.objects.create_user(
        username="clinician", email="clinician@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    person("dr-cora-clinic", name="Dr Cora Clinic", user=user)
    return user


@pytest.fixture
def named_reviewer(db):
    """The reviewer the article names, who has no admin account."""
    return person("dr-nora-named", name="Dr Nora Named")


@pytest.fixture
def submitted(client, section, group_editor, moderator, clinician, named_reviewer):
    """An article a writer in the Editors group has submitted for review."""
    client.force_login(group_editor)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    data = admin_forms.article_form(medical_reviewer=named_reviewer.pk)
    response = client.post(url, {**data, "action-submit": "submit"})
    assert response.status_code == 302
    client.logout()
    return ArticlePage.objects.get()


def current_task_state(article):
    return WorkflowState.objects.for_instance(article).get().current_task_state


def act(client, user, article, action, comment=""):
    """Approve or reject the article's current task, as `user`, with a comment."""
    client.force_login(user)
    task_state = current_task_state(article)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, action, task_state.pk)
    )
    return client.post(url, {"comment": comment})


def refresh(article):
    return ArticlePage.objects.get(pk=article.pk)


def test_migration_creates_the_workflow_and_groups(db):
    medical = Workflow.objects.get(name="Medical review")
    tasks = [task.specific for task in medical.tasks]
    assert [task.name for task in tasks] == ["Editorial review", "Medical review"]
    assert [[g.name for g in t.groups.all()] for t in tasks] == [
        ["Moderators"],
        ["Medical reviewers"],
    ]
    reviewers = Group.objects.get(name="Medical reviewers")
    codenames = set(reviewers.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_person"} <= codenames


def test_submitting_starts_editorial_review_and_tells_moderators(submitted):
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.workflow.name == "Medical review"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Editorial review"
    assert not submitted.live
    recipients = {address for email in mail.outbox for address in email.to}
    assert "moderator@example.org" in recipients
    assert "clinician@example.org" not in recipients


def test_article_passes_both_reviews_and_is_published(
    client, submitted, moderator, clinician
):
    response = act(client, moderator, submitted, "approve", "Clear and balanced.")
    assert response.status_code == 302
    editorial = TaskState.objects.get(task__name="Editorial review")
    assert editorial.status == TaskState.STATUS_APPROVED
    assert editorial.comment == "Clear and balanced."
    assert editorial.finished_by == moderator
    assert current_task_state(submitted).task.name == "Medical review"
    assert not refresh(submitted).live
    assert "clinician@example.org" in {a for e in mail.outbox for a in e.to}

    mail.outbox.clear()
    response = act(client, clinician, submitted, "approve", "Doses checked.")
    assert response.status_code == 302
    medical = TaskState.objects.get(task__name="Medical review")
    assert medical.status == TaskState.STATUS_APPROVED
    assert medical.comment == "Doses checked."
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert refresh(submitted).live
    # Wagtail tells the writer who submitted it.
    assert [e.to for e in mail.outbox] == [["writer@example.org"]]


def test_medical_approval_records_the_review_and_leaves_revisions_alone(
    client, submitted, moderator, clinician
):
    act(client, moderator, submitted, "approve")
    stored = {r.pk: r.content for r in submitted.revisions.all()}
    act(client, clinician, submitted, "approve", "Doses checked.")
    article = refresh(submitted)
    review = MedicalReview.objects.get()
    assert review.article_id == article.pk
    assert review.revision_id == article.live_revision_id
    assert review.reviewer.name == "Dr Cora Clinic"
    assert review.user == clinician
    assert review.comment == "Doses checked."
    assert review.reviewed_on == TODAY
    # 31 January + 12 calendar months.
    assert review.next_review_due == datetime.date(2027, 1, 31)
    assert article.last_review == review
    assert article.last_reviewed_at == TODAY
    assert article.last_reviewed_by.name == "Dr Cora Clinic"
    assert article.live_content_reviewed
    # Stored revisions are never rewritten: byte for byte as they were.
    assert {
        r.pk: r.content for r in submitted.revisions.filter(pk__in=stored)
    } == stored


def test_the_review_stays_with_the_page_when_a_later_version_goes_live(
    client, submitted, moderator, clinician, editor
):
    act(client, moderator, submitted, "approve")
    act(client, clinician, submitted, "approve")
    draft = refresh(submitted).get_latest_revision_as_object()
    draft.summary = "Changed after the review."
    draft.save_revision(user=editor).publish(user=editor)
    article = refresh(submitted)
    assert article.summary == "Changed after the review."
    assert article.last_reviewed_at == TODAY
    assert not article.live_content_reviewed
    assert "not medically reviewed" in article.status_string


def test_the_review_is_in_the_page_history(client, submitted, moderator, clinician):
    act(client, moderator, submitted, "approve")
    act(client, clinician, submitted, "approve")
    client.force_login(moderator)
    history = client.get(reverse("wagtailadmin_pages:history", args=(submitted.pk,)))
    assert "Medically reviewed by Dr Cora Clinic on 2026-01-31" in (
        history.content.decode()
    )


def test_approver_without_a_linked_reviewer_person_is_refused(
    client, submitted, moderator, django_user_model
):
    user = django_user_model.objects.create_user(
        username="locum", email="locum@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    act(client, moderator, submitted, "approve")
    task_state = current_task_state(submitted)
    actions = [
        name for name, *_ in task_state.task.specific.get_actions(submitted, user)
    ]
    assert "approve" not in actions
    assert "reject" in actions
    act(client, user, submitted, "approve")
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not refresh(submitted).live
    assert not MedicalReview.objects.exists()


def test_approval_from_code_without_a_linked_reviewer_is_refused(
    submitted, moderator, django_user_model
):
    from articles.reviews import ReviewRefused

    superuser = django_user_model.objects.create_superuser(
        username="admin2", email="admin2@example.org", password="password"
    )
    current_task_state(submitted).approve(user=moderator)
    with pytest.raises(ReviewRefused, match="Only a medical reviewer"):
        current_task_state(submitted).approve(user=superuser)
    assert not refresh(submitted).live
    assert not MedicalReview.objects.exists()


def test_each_approval_writes_one_review(client, submitted, moderator, clinician):
    act(client, moderator, submitted, "approve")
    act(client, clinician, submitted, "approve")
    act(client, clinician, submitted, "approve")  # a second click finds nothing to do
    assert MedicalReview.objects.count() == 1


def test_a_shorter_interval_brings_the_next_review_forward(
    client, section, moderator, clinician, article_factory
):
    article = article_factory(review_interval_months=1, publish=False)
    Workflow.objects.get(name="Medical review").start(article, moderator)
    act(client, moderator, article, "approve")
    act(client, clinician, article, "approve")
    # 31 January + 1 month is the last day of February.
    assert refresh(article).next_review_due == datetime.date(2026, 2, 28)


def test_a_new_review_replaces_the_last_reviews_date(
    client, section, moderator, clinician, article_factory
):
    previous = datetime.date(2025, 9, 1)
    article = article_factory(reviewed_on=previous)
    assert refresh(article).next_review_due == add_months(previous, 12)
    draft = article.get_latest_revision_as_object()
    draft.summary = "Revised for the yearly review."
    draft.save_revision()
    Workflow.objects.get(name="Medical review").start(article, moderator)
    act(client, moderator, article, "approve")
    act(client, clinician, article, "approve")
    assert refresh(article).next_review_due == datetime.date(2027, 1, 31)
    assert MedicalReview.objects.filter(article=article).count() == 2


def test_rejection_with_a_comment_sends_the_article_back(client, submitted, moderator):
    mail.outbox.clear()
    response = act(client, moderator, submitted, "reject", "Add the 2021 review.")
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.get(task__name="Editorial review")
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Add the 2021 review."
    article = refresh(submitted)
    assert not article.live
    assert article.last_reviewed_at is None
    assert [e.to for e in mail.outbox] == [["writer@example.org"]]


def test_medical_reviewer_rejects_with_a_comment(
    client, submitted, moderator, clinician
):
    act(client, moderator, submitted, "approve")
    act(client, clinician, submitted, "reject", "The dose in the table is wrong.")
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(task__name="Medical review").comment == (
        "The dose in the table is wrong."
    )
    assert refresh(submitted).last_reviewed_at is None


def test_a_medical_reviewer_cannot_approve_the_editorial_task(
    client, submitted, clinician
):
    response = act(client, clinician, submitted, "approve")
    assert response.status_code in (302, 403)
    assert current_task_state(submitted).status == TaskState.STATUS_IN_PROGRESS
    assert current_task_state(submitted).task.name == "Editorial review"


def test_a_writer_cannot_approve_the_medical_task(
    client, submitted, moderator, group_editor
):
    act(client, moderator, submitted, "approve")
    response = act(client, group_editor, submitted, "approve")
    assert response.status_code in (302, 403)
    task_state = current_task_state(submitted)
    assert task_state.task.name == "Medical review"
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    article = refresh(submitted)
    assert not article.live
    assert article.last_reviewed_at is None


def test_a_moderator_cannot_approve_the_medical_task(client, submitted, moderator):
    act(client, moderator, submitted, "approve")
    act(client, moderator, submitted, "approve")
    assert current_task_state(submitted).task.name == "Medical review"
    assert current_task_state(submitted).status == TaskState.STATUS_IN_PROGRESS


def test_medical_reviewer_can_open_the_article_under_review(
    client, submitted, moderator, clinician
):
    act(client, moderator, submitted, "approve")
    client.force_login(clinician)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,)))
    assert response.status_code == 200
    assert "Medical review" in response.content.decode()


def test_a_moderator_cannot_publish_around_the_review(client, section, moderator):
    client.force_login(moderator)
    url = reverse(
        "wagtailadmin_pages:add", args=("articles", "articlepage", section.pk)
    )
    response = client.post(
        url, {**admin_forms.article_form(), "action-publish": "publish"}, follow=True
    )
    assert response.status_code == 200
    assert "through the Medical review workflow" in response.content.decode()
    assert not ArticlePage.objects.live().exists()
    # The work is kept as a draft.
    assert ArticlePage.objects.get().get_latest_revision() is not None
