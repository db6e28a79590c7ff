"""A moderator tries to publish an unreviewed change in bulk; readers never see it."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from articles.models import ArticleIndexPage, ArticlePage
from tests.browser.test_editorial_workflow import PASSWORD, grant, log_in
from tests.review_workflow import restore_medical_review_workflow

UNREVIEWED = "An unreviewed claim that diazepam cures back pain."


@pytest.fixture
def moderator(transactional_db, demo_site, django_user_model):
    restore_medical_review_workflow()
    index = ArticleIndexPage.objects.get()
    # Wagtail's Moderators may publish elsewhere; articles still need medical review.
    grant(
        Group.objects.get(name="Moderators"),
        index,
        "add_page",
        "change_page",
        "publish_page",
    )
    user = django_user_model.objects.create_user(
        username="morgan", password=PASSWORD, email="morgan@example.org"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_moderator_bulk_publish_leaves_the_unreviewed_draft_unpublished(
    moderator, demo_site, page_at
):
    article = ArticlePage.objects.get(slug="diazepam-for-back-pain")
    assert article.live_content_reviewed
    draft = article.get_latest_revision_as_object()
    draft.summary = UNREVIEWED
    draft.save_revision(user=moderator)

    page = log_in(page_at, demo_site, "morgan")
    page.goto(f"{demo_site.url}/admin/pages/{article.get_parent().pk}/")
    page.locator(
        f"input[data-bulk-action-checkbox][data-object-id='{article.pk}']"
    ).check()
    page.locator(
        "[data-bulk-action-button][aria-label='Publish selected pages']"
    ).click()
    page.wait_for_load_state("networkidle")
    confirm = page.get_by_role("button", name="Yes, publish")
    if confirm.count():
        confirm.click()
        page.wait_for_load_state("networkidle")
    else:
        expect(page.locator("main")).to_contain_text("You don't have permission")

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.summary != UNREVIEWED
    assert article.live_content_reviewed
    reader = page_at()
    reader.goto(demo_site.url + article.url)
    expect(reader.locator("main")).not_to_contain_text(UNREVIEWED)
    expect(reader.locator(".byline")).to_contain_text("Medically reviewed by")
