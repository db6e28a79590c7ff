"""Switching a live WordPress site over: its published posts go live at once, shown as
awaiting medical review, and only the revisions the import made may go live that way."""

import datetime
import json
from io import StringIO
from types import SimpleNamespace

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Workflow

from articles.builders import build_home, build_index, reviewer_account
from articles.models import ArticleIndexPage, ArticlePage, Person, Topic
from articles.publishing import IMPORTED_AWAITING_REVIEW_ACTION, PublishingRefused
from articles.reviews import record_review
from articles.wordpress import saving
from articles.wordpress.importer import import_wxr
from articles.wordpress.ledger import Kind
from articles.wordpress.models import ImportedObject
from articles.workflow import assign_medical_review
from tests.html import soup, text
from tests.module_data import rolled_back
from tests.test_wordpress_import import SITE, another_site, copy_of_site

NOTICE = "Imported from our previous site; not yet medically reviewed."
URGENT_HELP_MISSING = "Add a “Get help urgently” block before publishing"
REVIEWER_REQUIRED = "Choose a medical reviewer before publishing."


def imported(wordpress_id, source="old.example"):
    row = ImportedObject.objects.get(
        source=source, kind=Kind.POST, source_id=str(wordpress_id)
    )
    return ArticlePage.objects.get(pk=row.object_id), row.revision_id


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The fixture export imported once with --live-awaiting-review, by an administrator."""
    with rolled_back(django_db_blocker):
        home = build_home()
        index = build_index(home)
        assign_medical_review(index)
        admin = get_user_model().objects.create_superuser(
            username="migrator", email="migrator@example.org", password="x"
        )
        out = StringIO()
        call_command(
            "import_wordpress",
            str(SITE),
            "--live-awaiting-review",
            "--user",
            "migrator",
            stdout=out,
        )
        diazepam, diazepam_import = imported(101)
        relaxants, relaxants_import = imported(102)
        notes, _ = imported(103)
        yield SimpleNamespace(
            index=ArticleIndexPage.objects.get(pk=index.pk),  # with its children
            admin=admin,
            output=out.getvalue(),
            diazepam=diazepam,
            diazepam_import=diazepam_import,
            relaxants=relaxants,
            relaxants_import=relaxants_import,
            notes=notes,
        )


def refresh(page):
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def changed(db, world):
    """An editor's change to the live imported article, saved as a draft."""
    draft = refresh(world.diazepam).get_latest_revision_as_object()
    draft.summary = "An editor's unreviewed claim."
    return draft.save_revision()


def still_the_import(world):
    article = refresh(world.diazepam)
    return (
        article.live
        and article.live_revision_id == world.diazepam_import
        and article.summary != "An editor's unreviewed claim."
    )


# The import itself


def test_published_posts_go_live_as_their_import_revisions(db, world):
    for article, revision in (
        (world.diazepam, world.diazepam_import),
        (world.relaxants, world.relaxants_import),
    ):
        article = refresh(article)
        assert article.live and article.live_revision_id == revision
        assert not article.live_content_reviewed
        assert "not medically reviewed" in article.status_string
        entry = PageLogEntry.objects.get(
            revision_id=revision, action=IMPORTED_AWAITING_REVIEW_ACTION
        )
        assert entry.user == world.admin
        # Let through as an import, not as a direct publish of an edited article.
        assert not PageLogEntry.objects.filter(
            revision_id=revision, action="articles.published_without_review"
        ).exists()
    assert not refresh(world.notes).live  # a draft in WordPress too


def test_the_report_counts_articles_live_awaiting_review(db, world):
    assert "Articles that went live, awaiting medical review: 2" in world.output
    assert "Kept as drafts instead of going live:" in world.output
    assert f"1: {saving.NOT_PUBLISHED}" in world.output


def test_the_history_says_who_put_it_live_unreviewed(db, world, client):
    client.force_login(world.admin)
    history = client.get(f"/admin/pages/{world.diazepam.pk}/history/")
    assert "Imported from WordPress and published before its medical review" in (
        history.content.decode()
    )


def test_articles_that_owe_readers_something_stay_drafts_with_the_reason(
    db, world, tmp_path
):
    # Back pain articles must say when to get urgent help; an import cannot.
    Topic.objects.filter(name="Back pain").update(needs_urgent_help=True)
    export = copy_of_site(
        tmp_path,
        ("https://old.example<", "https://other.example<"),
        # The second post loses its author.
        (
            "<dc:creator><![CDATA[alex]]></dc:creator>\n\t\t"
            '<guid isPermaLink="false">https://old.example/?p=102</guid>',
            "<dc:creator><![CDATA[]]></dc:creator>\n\t\t"
            '<guid isPermaLink="false">https://old.example/?p=102</guid>',
        ),
    )
    report = import_wxr(export, parent=world.index, live=True, user=world.admin)
    assert report.live_awaiting_review == 0
    reasons = report.not_published
    assert [n for r, n in reasons.items() if r.startswith(URGENT_HELP_MISSING)] == [1]
    assert reasons["Add at least one author before publishing."] == 1
    assert REVIEWER_REQUIRED not in reasons
    for wordpress_id in (101, 102):
        article, revision = imported(wordpress_id, source="other.example")
        assert not article.live
        # A refused revision keeps no authorisation to go live later.
        assert not PageLogEntry.objects.filter(
            revision_id=revision, action=IMPORTED_AWAITING_REVIEW_ACTION
        ).exists()
    assert "Add at least one author" in report.as_text()


def test_a_changed_post_imported_again_goes_live_as_the_new_import(db, world, tmp_path):
    export = copy_of_site(
        tmp_path,
        (
            "Placeholder text for the bottom line.",
            "Placeholder text for a corrected bottom line.",
        ),
    )
    report = import_wxr(export, parent=world.index, live=True, user=world.admin)
    assert report.live_awaiting_review == 1
    article, revision = imported(101)
    assert revision != world.diazepam_import
    assert article.live_revision_id == revision


def test_a_reviewed_live_version_is_not_replaced_by_an_import(db, world, tmp_path):
    article = refresh(world.diazepam)
    clinician = Person.objects.create(
        name="Dr Rev", slug="dr-rev", role="GP", is_medical_reviewer=True
    )
    record_review(
        article, article.live_revision, reviewer_account(clinician), comment="Fine."
    )
    export = copy_of_site(
        tmp_path,
        ("Placeholder text for the bottom line.", "An unreviewed bottom line."),
    )
    report = import_wxr(export, parent=world.index, live=True, user=world.admin)
    assert report.not_published[saving.REVIEWED_LIVE] == 1
    article = refresh(world.diazepam)
    assert article.live_revision_id == world.diazepam_import
    assert article.live_content_reviewed


# Who may authorise it


@pytest.mark.parametrize(("superuser", "goes_live"), [(True, True), (False, False)])
def test_only_an_administrators_authorisation_lets_an_import_revision_live(
    db, world, django_user_model, tmp_path, superuser, goes_live
):
    import_wxr(another_site(tmp_path), parent=world.index)  # drafts
    article, revision_id = imported(101, source="other.example")
    revision = article.revisions.get(pk=revision_id)
    user = django_user_model.objects.create_user(
        username="someone", is_superuser=superuser
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    log(
        instance=article,
        action=IMPORTED_AWAITING_REVIEW_ACTION,
        user=user,
        revision=revision,
    )
    # Published from code, as a script or the scheduler would: the entry decides.
    if goes_live:
        revision.publish()
    else:
        with pytest.raises(PublishingRefused, match=REVIEWER_REQUIRED):
            revision.publish()
    assert refresh(article).live is goes_live


# Every other route to live: a changed revision meets the full gate


def test_code_cannot_publish_a_changed_revision(db, world, changed, moderator):
    for user in (None, world.admin):
        with pytest.raises(PublishingRefused, match=REVIEWER_REQUIRED):
            changed.publish(user=user)
    with pytest.raises(PermissionDenied):
        changed.publish(user=moderator)
    assert still_the_import(world)


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_bulk_publishing_a_changed_revision_publishes_nothing(
    request, db, world, changed, client, role
):
    client.force_login(request.getfixturevalue(role))
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={world.diazepam.pk}"
    )
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert response.status_code < 500
    if role == "editor":
        assert "Nothing was published" in response.content.decode()
    assert still_the_import(world)


def test_scheduled_publishing_skips_a_changed_revision(db, world, changed, moderator):
    changed.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    changed.save()
    PageLogEntry.objects.log_action(
        instance=refresh(world.diazepam),
        action="wagtail.publish.schedule",
        user=moderator,
        revision=changed,
    )
    call_command("publish_scheduled")
    assert still_the_import(world)


def test_reverting_to_the_import_makes_a_revision_that_needs_review(
    db, world, changed, editor
):
    first = refresh(world.diazepam).revisions.get(pk=world.diazepam_import)
    revert = first.as_object().save_revision(user=editor, previous_revision=first)
    with pytest.raises(PublishingRefused, match=REVIEWER_REQUIRED):
        revert.publish(user=editor, previous_revision=first)
    assert still_the_import(world)


def test_a_copy_of_an_imported_article_needs_review(db, world, editor):
    copy = refresh(world.diazepam).copy(
        update_attrs={"slug": "copy", "title": "Copy"}, keep_live=True, user=editor
    )
    copy = refresh(copy)
    assert not copy.live
    revision = copy.latest_revision or copy.save_revision()
    with pytest.raises(PublishingRefused, match=REVIEWER_REQUIRED):
        revision.publish(user=editor)


def test_workflow_approval_of_a_changed_revision_publishes_nothing(
    db, world, changed, moderator, django_user_model
):
    clinician = django_user_model.objects.create_user(username="clin")
    clinician.groups.add(Group.objects.get(name="Medical reviewers"))
    Person.objects.create(
        name="Dr Clin",
        slug="dr-clin",
        role="GP",
        is_medical_reviewer=True,
        user=clinician,
    )
    state = Workflow.objects.get(name="Medical review").start(
        refresh(world.diazepam), moderator
    )
    state.current_task_state.approve(user=moderator)
    state.refresh_from_db()
    with pytest.raises(PublishingRefused, match=REVIEWER_REQUIRED):
        state.current_task_state.approve(user=clinician)
    assert still_the_import(world)


# What readers and staff see


def test_readers_see_the_import_notice_and_no_review_stamp(db, world, client):
    page = soup(client.get(refresh(world.diazepam).url))
    notice = page.select_one(".review-notice")
    assert NOTICE in text(notice)
    assert notice["role"] == "note"
    byline = text(page.select_one(".byline"))
    assert "Medically reviewed by" not in byline
    assert "This article has not yet been medically reviewed." in byline
    assert page.select_one("#references") is None
    (script,) = page.find_all("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    webpage = next(n for n in graph if n["@type"] == "MedicalWebPage")
    assert "reviewedBy" not in webpage and "lastReviewed" not in webpage
    assert "citation" not in webpage
    assert webpage["author"][0]["name"] == "Alex Writer"


def test_a_reviewed_article_shows_no_import_notice(db, world, client):
    article = refresh(world.relaxants)
    clinician = Person.objects.create(
        name="Dr Rev", slug="dr-rev", role="GP", is_medical_reviewer=True
    )
    record_review(article, article.live_revision, reviewer_account(clinician))
    page = soup(client.get(article.url))
    assert NOTICE not in page.get_text(" ")
    assert "Medically reviewed by Dr Rev" in text(page.select_one(".byline"))


def test_feeds_and_the_api_take_articles_without_reviewer_or_references(
    db, world, client
):
    article = refresh(world.diazepam)
    for feed in ("/feeds/rss/", "/feeds/atom/"):
        response = client.get(feed)
        assert response.status_code == 200
        assert article.title in response.content.decode()
    listing = client.get(
        "/api/v2/pages/?type=articles.ArticlePage"
        "&fields=summary,body,topics,references,authors,medical_reviewer,"
        "last_reviewed_at,next_review_due"
    )
    assert listing.status_code == 200
    items = {item["id"]: item for item in listing.json()["items"]}
    item = items[article.pk]
    assert item["medical_reviewer"] is None
    assert item["references"] == []
    assert item["last_reviewed_at"] is None
    assert client.get(f"/api/v2/pages/{article.pk}/").status_code == 200


def test_reviews_due_lists_imported_articles_for_staff(db, world, client, moderator):
    client.force_login(moderator)
    report = "/admin/reports/reviews-due/"
    page = soup(client.get(report, {"status": "imported"}))
    rows = [text(row) for row in page.select("table.listing tbody tr")]
    assert len(rows) == 2
    assert all("Imported, awaiting medical review" in row for row in rows)
    # Also among everything live without a medical review.
    unreviewed = soup(client.get(report, {"status": "unreviewed"}))
    assert len(unreviewed.select("table.listing tbody tr")) == 2
    dashboard = soup(client.get("/admin/"))
    assert "2 articles are live without medical review" in text(dashboard)
