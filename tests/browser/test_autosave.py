"""An editor's refused submit comes back without a false "saved in another window" warning."""

import re
import threading
from importlib import import_module
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from wagtail.admin.views.pages.edit import EditView
from wagtail.models import GroupPagePermission

from articles.blocks import REQUIRED_TO_PUBLISH
from articles.models import ArticleIndexPage, ArticlePage, Person

PASSWORD = "correct-horse-battery-staple"
TITLE = "Ibuprofen for back pain"
CONFLICT = "You saved a new version in another window"
SUBMIT = "Submit to Medical review"
OPTIONAL_SECTIONS = [
    "Overview",
    "Efficacy",
    "Alternatives",
    "Deciding with a clinician",
]


@pytest.fixture
def writer(transactional_db, demo_site, django_user_model):
    """A member of the Editors group, who may write articles and submit them."""
    # A live-server test before this one flushed what the migrations created.
    import_module("articles.migrations.0006_medical_review_workflow").create(apps, None)
    group = Group.objects.get(name="Editors")
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=ArticleIndexPage.objects.get(),
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = django_user_model.objects.create_user(
        username="edie", password=PASSWORD, email="edie@example.org"
    )
    user.groups.add(group)
    Person.objects.create(name="Pat Author", slug="pat-author", role="Health writer")
    Person.objects.create(
        name="Dr Rowan Reviewer",
        slug="dr-rowan-reviewer",
        role="General practitioner",
        is_medical_reviewer=True,
    )
    return user


@pytest.fixture(params=["waiting", "sent"])
def autosave_at_submit(request, monkeypatch):
    """Where the editor's last autosave is when they click Submit, on a busy server.

    "waiting": not yet sent. The refusal comes back only after an autosave is saved,
    as when the server is slow and the editor's page, still open, sends it meanwhile.
    "sent": on its way. The autosave is saved only after the submit is read.
    Both apply once `armed` is set, and each wait gives up after five seconds.
    """
    armed, submitted, autosaved = (threading.Event() for _ in range(3))
    post = EditView.post

    def in_order(view, *args, **kwargs):
        if not view.expects_json_response:
            autosaved.clear()
            submitted.set()
            response = post(view, *args, **kwargs)
            if armed.is_set() and request.param == "waiting":
                autosaved.wait(5)
            return response
        if armed.is_set() and request.param == "sent":
            submitted.wait(5)
        response = post(view, *args, **kwargs)
        autosaved.set()
        return response

    monkeypatch.setattr(EditView, "post", in_order)
    return SimpleNamespace(timing=request.param, armed=armed)


def remove_section(page, label):
    header = page.locator(".w-panel__header").filter(
        has=page.locator(".c-sf-block__type", has_text=re.compile(f"^{label}$"))
    )
    header.locator("[data-streamfield-action=DELETE]").click()
    expect(header).to_be_hidden()


def add_section(page, label, at_top=False):
    buttons = page.locator("#panel-child-content-body-section button.c-sf-add-button")
    (buttons.first if at_top else buttons.last).click()
    page.get_by_role("option", name=label).click()


def submit(page):
    page.locator("footer .w-dropdown__toggle").last.click()
    page.get_by_role("button", name=SUBMIT).click()


def is_autosave(request):
    return request.method == "POST" and "json" in request.headers.get("accept", "")


def write_article_without_safety(page):
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("What the evidence says about ibuprofen.")
    page.locator("#id_authors-ADD").click()
    page.locator("#inline_child_authors-0").get_by_role(
        "button", name="Choose person"
    ).click()
    modal = page.locator(".modal.in")
    modal.locator("a[data-chooser-modal-choice]", has_text="Pat Author").click()
    expect(modal).to_have_count(0)
    page.locator("#id_medical_reviewer").select_option(label="Dr Rowan Reviewer")
    # A new article starts with every section; this one keeps only its Bottom line.
    for label in OPTIONAL_SECTIONS + ["Safety"]:
        remove_section(page, label)
    page.locator(
        "[data-contentpath=body] [data-contentpath=text] [contenteditable=true]"
    ).last.click()
    page.keyboard.type("Ibuprofen helps a little, for a short time.")
    page.locator("#id_references-ADD").click()
    page.locator("#id_references-0-key").fill("a")
    page.locator("#id_references-0-authors").fill("Smith J")
    page.locator("#id_references-0-title").fill("A trial of ibuprofen")
    page.locator("#id_references-0-publisher").fill("Journal of Testing")
    page.locator("#id_references-0-year").fill("2020")
    page.locator("#id_references-0-doi").fill("10.1000/a")


def test_resubmitting_after_a_refusal_shows_no_conflict_warning(
    writer, demo_site, page_at, autosave_at_submit
):
    index = ArticleIndexPage.objects.get()
    page = page_at()
    page.set_default_timeout(20_000)
    page.goto(demo_site.url + "/admin/login/")
    page.get_by_label("Username").fill("edie")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(demo_site.url + "/admin/")

    page.goto(f"{demo_site.url}/admin/pages/add/articles/articlepage/{index.pk}/")
    write_article_without_safety(page)
    # Autosave keeps the draft, and the editor is now editing it.
    page.wait_for_url("**/admin/pages/*/edit/")
    expect(page.locator("#w-editing-sessions")).to_be_attached()
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved"
    )

    # A last change, then Submit while the change's autosave is waiting or sent.
    summary = page.locator("#id_summary")
    autosave_at_submit.armed.set()
    if autosave_at_submit.timing == "waiting":
        summary.fill("What the evidence says about ibuprofen for pain.")
    else:
        with page.expect_request(is_autosave):
            summary.fill("What the evidence says about ibuprofen for pain.")
    submit(page)
    expect(page.locator(".messages")).to_contain_text(
        "The page could not be saved due to validation errors", timeout=20_000
    )
    expect(page.locator("main")).to_contain_text(REQUIRED_TO_PUBLISH["safety"])
    # The refused page autosaves the editor's work, and finds no newer version.
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saved", timeout=20_000
    )
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    expect(page.locator(".w-editing-sessions__session--saved")).to_have_count(0)

    # Safety goes before the Bottom line: sections are published in reading order.
    add_section(page, "Safety", at_top=True)
    effects = page.locator("[data-contentpath=common_side_effects]")
    effects.locator("button.c-sf-add-button").first.click()
    effects.locator("input[type=text]").first.fill("Stomach upset")
    submit(page)

    expect(page.locator(".messages")).to_contain_text(
        f"Page '{TITLE}' has been submitted for moderation", timeout=20_000
    )
    expect(page.get_by_text(CONFLICT)).to_have_count(0)
    article = ArticlePage.objects.get(title=TITLE)
    assert article.workflow_in_progress
    assert not article.live
    submitted = article.get_latest_revision_as_object()
    assert [block.block_type for block in submitted.body] == ["safety", "bottom_line"]
    assert submitted.summary == "What the evidence says about ibuprofen for pain."
