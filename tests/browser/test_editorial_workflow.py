"""An editor writes an article, two reviewers approve it, and readers see who checked it."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.models import GroupPagePermission, TaskState, WorkflowPage

from articles.models import ArticleIndexPage, ArticlePage, Person
from tests.review_workflow import restore_medical_review_workflow

PASSWORD = "correct-horse-battery-staple"
TITLE = "Paracetamol for back pain"
COMMENT = "Doses and warnings checked against the current guidance."


@pytest.fixture
def workflow_data(transactional_db):
    """The review groups and workflow, as the data migration makes them.

    An earlier live-server test flushes the database, and with it what migrations
    created, so this test puts back what it relies on before the demo content loads.
    """
    restore_medical_review_workflow()


def grant(group, page, *codenames):
    """Admin access, and page permissions on `page` and below."""
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@pytest.fixture
def team(workflow_data, demo_site, django_user_model):
    """An editor, a moderator and a medical reviewer, each in their own group."""
    index = ArticleIndexPage.objects.get()
    # Wagtail's own groups: editors write, moderators also publish.
    grant(Group.objects.get(name="Editors"), index, "add_page", "change_page")
    grant(
        Group.objects.get(name="Moderators"),
        index,
        "add_page",
        "change_page",
        "publish_page",
    )
    grant(Group.objects.get(name="Medical reviewers"), index)

    def member(username, group, **fields):
        user = django_user_model.objects.create_user(
            username=username,
            password=PASSWORD,
            email=f"{username}@example.org",
            **fields,
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    reviewer = member("rowan", "Medical reviewers", first_name="Rowan")
    return {
        "editor": member("edie", "Editors", first_name="Edie"),
        "moderator": member("morgan", "Moderators", first_name="Morgan"),
        "reviewer": reviewer,
        "author": Person.objects.create(
            name="Pat Author",
            slug="pat-author",
            role="Health writer (demonstration)",
        ),
        "reviewer_person": Person.objects.create(
            name="Dr Rowan Reviewer",
            slug="dr-rowan-reviewer",
            role="General practitioner (demonstration)",
            credentials="MB ChB",
            is_medical_reviewer=True,
            user=reviewer,
        ),
    }


def log_in(page_at, site, username):
    """A fresh browser window, signed in through Wagtail's own login form."""
    page = page_at()
    page.set_default_timeout(15_000)
    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site.url + "/admin/")
    return page


def pick_person(page, field, person):
    """Choose `person` in a person field, whether a select box or a chooser."""
    select = field.locator("select")
    if select.count():
        select.select_option(label=str(person))
        return
    field.get_by_role("button", name="Choose person").click()
    modal = page.locator(".modal.in")
    modal.locator("a[data-chooser-modal-choice]", has_text=person.name).click()
    expect(modal).to_have_count(0)


def remove_section(page, block_type):
    """Delete the body's top-level section of this type."""
    section = page.locator(
        "#panel-child-content-body-section div[data-streamfield-child]:has(> "
        f"input[name^='body-'][name$='-type'][value='{block_type}'])"
    ).first
    section.locator("[data-streamfield-action=DELETE]").first.dispatch_event("click")
    expect(section).to_be_hidden()


def open_actions(page):
    # The body's fields are drawn by script; acting before they exist posts no body.
    page.wait_for_load_state("networkidle")
    page.locator("input[name='body-count']").wait_for(state="attached")
    page.locator("footer .w-dropdown__toggle").last.click()


def write_article(page, site, index, team):
    page.goto(f"{site.url}/admin/pages/add/articles/articlepage/{index.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill(
        "What the evidence says about paracetamol for low back pain."
    )
    page.locator("#id_authors-ADD").click()
    pick_person(page, page.locator("#inline_child_authors-0"), team["author"])
    pick_person(
        page,
        page.locator("#panel-child-content-medical_reviewer-section"),
        team["reviewer_person"],
    )

    # A new article starts with every section in place: fill two, drop the rest.
    for block_type in ("overview", "efficacy", "alternatives", "deciding"):
        remove_section(page, block_type)
    effects = page.locator("[data-contentpath=common_side_effects]")
    effects.locator("button.c-sf-add-button").first.click()
    effects.locator("input[type=text]").first.fill("Feeling sick")

    page.locator(
        "[data-contentpath=body] [data-contentpath=text] [contenteditable=true]"
    ).last.click()
    page.keyboard.type("Paracetamol does not help most back pain.")

    page.locator("#id_references-ADD").click()
    page.locator("#id_references-0-key").fill("williams2014")
    page.locator("#id_references-0-authors").fill("Williams CM, Maher CG, Latimer J")
    page.locator("#id_references-0-title").fill(
        "Efficacy of paracetamol for acute low-back pain"
    )
    page.locator("#id_references-0-publisher").fill("The Lancet")
    page.locator("#id_references-0-year").fill("2014")
    page.locator("#id_references-0-doi").fill("10.1016/S0140-6736(14)60805-9")


def test_article_goes_from_editor_through_both_reviews_to_readers(
    team, demo_site, page_at, settings
):
    # Autosave turns the create form into the edit form while the editor types, which
    # races the test's clicks; the workflow, not autosave, is under test here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    index = ArticleIndexPage.objects.get()
    assert WorkflowPage.objects.filter(
        page=index, workflow__name="Medical review"
    ).exists(), "the demo content puts the articles section in the workflow"

    # The editor writes the article and submits it; they may not publish it.
    editor = log_in(page_at, demo_site, "edie")
    write_article(editor, demo_site, index, team)
    open_actions(editor)
    expect(editor.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    editor.get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator(".messages")).to_contain_text(
        f"Page '{TITLE}' created and submitted for moderation"
    )
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live
    assert article.workflow_in_progress
    edit_url = f"{demo_site.url}/admin/pages/{article.pk}/edit/"

    # The medical reviewer cannot approve before the editorial check is done.
    reviewer = log_in(page_at, demo_site, "rowan")
    reviewer.goto(edit_url)
    expect(reviewer.locator("body")).to_contain_text(
        "This page is awaiting 'Editorial review'"
    )
    expect(reviewer.locator("[data-workflow-action-name]")).to_have_count(0)

    # The moderator approves the editorial review.
    moderator = log_in(page_at, demo_site, "morgan")
    moderator.goto(edit_url)
    open_actions(moderator)
    moderator.get_by_role("button", name="Approve", exact=True).click()
    expect(moderator.locator(".messages")).to_contain_text(f"Page '{TITLE}'")
    task = TaskState.objects.filter(workflow_state__object_id=str(article.pk))
    assert task.get(task__name="Editorial review").status == TaskState.STATUS_APPROVED
    assert not ArticlePage.objects.get(pk=article.pk).live

    # The medical reviewer approves with a comment, which publishes the article.
    reviewer.goto(edit_url)
    open_actions(reviewer)
    reviewer.get_by_role("button", name=re.compile("^Approve with comment")).click()
    dialog = reviewer.get_by_role("dialog").filter(has_text="Comment")
    dialog.get_by_label("Comment").fill(COMMENT)
    dialog.get_by_role("button", name=re.compile("^Approve with comment")).click()
    expect(reviewer.locator(".messages")).to_contain_text(f"Page '{TITLE}'")

    article = ArticlePage.objects.get(pk=article.pk)
    medical = task.get(task__name="Medical review")
    assert medical.status == TaskState.STATUS_APPROVED
    assert medical.finished_by == team["reviewer"]
    assert medical.comment == COMMENT
    assert article.live
    today = timezone.localdate()
    assert article.last_reviewed_by == team["reviewer_person"]
    assert article.last_reviewed_at == today
    assert article.next_review_due > today + datetime.timedelta(days=300)

    # A reader sees the article, and who reviewed it.
    reader = page_at()
    reader.goto(demo_site.url + article.url)
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text(
        f"Medically reviewed by {team['reviewer_person'].name}"
    )
    expect(reader.locator("main")).to_contain_text(team["author"].name)
    expect(reader.locator("#safety")).to_contain_text("Feeling sick")
