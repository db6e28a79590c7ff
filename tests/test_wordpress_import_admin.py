"""Settings › Import from WordPress: upload an export, read its dry run, confirm, see the report."""

import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from django.conf import settings as django_settings
from django.contrib.auth.models import Permission
from django.core.files import File
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage, Topic
from articles.wordpress import jobs
from articles.wordpress.job_models import ImportJob, upload_storage
from tests.html import parse, text

FIXTURES = Path(__file__).parent / "wordpress_admin"
IMPORT_URL = "/admin/import-wordpress/"
ON_POSTGRES = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    """Where uploads wait for their import: a folder of the test's own."""
    settings.PRIVATE_UPLOADS_ROOT = tmp_path / "private"
    return settings.PRIVATE_UPLOADS_ROOT / "wordpress-imports"


@pytest.fixture
def signed_in(client, editor, index):
    client.force_login(editor)
    return client


@pytest.fixture
def import_queue(settings):
    """Imports through the database queue, as in production."""
    settings.TASKS = {
        **settings.TASKS,
        "imports": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": ["imports"],
        },
    }


def run_import_queue():
    """What `manage.py db_worker --queue-name imports` does, until nothing is ready."""
    call_command(
        "db_worker",
        "--batch",
        "--queue-name=imports",
        "--backend=imports",
        "--no-startup-delay",
        verbosity=0,
    )


def upload(client, name="small_export.xml", **data):
    with open(FIXTURES / name, "rb") as handle:
        return client.post(IMPORT_URL, {"file": handle, **data})


def stored_uploads(folder):
    return (
        sorted(p.name for p in folder.rglob("*") if p.is_file())
        if folder.exists()
        else []
    )


def page_of(response):
    return parse(response.content.decode())


def heading(page):
    """What the job page says the job is at."""
    return text(page.select_one(".wordpress-import > h2"))


def report_row(page, label):
    """The report's numbers for one kind: created, updated, unchanged, skipped."""
    (row,) = [
        tr for tr in page.select(".wordpress-report tbody tr") if text(tr.th) == label
    ]
    return [int(text(td).replace(",", "")) for td in row.select("td")]


def field_error(page):
    return " ".join(text(error) for error in page.select(".error-message"))


def imported_articles():
    return ArticlePage.objects.filter(
        title__in=["Diazepam for back pain", "Heat wraps for back pain"]
    )


def test_staff_read_the_dry_run_then_confirm_and_see_what_was_imported(
    signed_in, private_uploads
):
    response = upload(signed_in)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{IMPORT_URL}{job.pk}/"
    page = page_of(signed_in.get(response["Location"]))
    assert heading(page) == "Dry run: what the import would do"
    assert report_row(page, "Posts (articles)") == [2, 0, 0, 0]
    assert report_row(page, "Authors (people)")[0] == 1
    assert "Comments: 1" in text(page.select_one(".wordpress-report__reasons"))
    assert not imported_articles().exists(), "a dry run changes nothing"
    assert len(stored_uploads(private_uploads)) == 1, "kept for the import"

    response = signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/")

    assert response.status_code == 302
    page = page_of(signed_in.get(response["Location"]))
    assert heading(page) == "Imported"
    assert report_row(page, "Posts (articles)") == [2, 0, 0, 0]
    articles = imported_articles()
    assert articles.count() == 2
    assert not articles.filter(live=True).exists(), "drafts, by default"
    assert stored_uploads(private_uploads) == [], "deleted once imported"
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (ImportJob.Status.DONE, 2, 2)


def test_the_uploaded_file_is_kept_out_of_public_media(
    signed_in, private_uploads, settings
):
    upload(signed_in)

    (stored,) = [p for p in private_uploads.rglob("*") if p.is_file()]
    assert Path(settings.MEDIA_ROOT).resolve() not in stored.resolve().parents
    assert stored.stat().st_mode & 0o077 == 0, "readable by the site's own user only"
    assert stored.name != "small_export.xml", "stored under a name nobody can guess"


@pytest.mark.parametrize(
    "name, message",
    [
        ("not_xml.png", "This file is not UTF-8 text"),
        ("plain_text.txt", "This file is not well-formed XML"),
        ("rss_feed.xml", "not a WordPress export (WXR)"),
    ],
)
def test_a_file_that_is_not_a_wordpress_export_is_refused_with_the_reason(
    signed_in, private_uploads, name, message
):
    response = upload(signed_in, name)

    assert response.status_code == 400
    assert message in field_error(page_of(response))
    assert not ImportJob.objects.exists()
    assert stored_uploads(private_uploads) == []


def test_a_file_over_the_size_limit_is_refused_and_not_stored(
    signed_in, private_uploads, settings
):
    settings.WORDPRESS_IMPORT_MAX_BYTES = 2000

    response = upload(signed_in)

    assert response.status_code == 400
    error = field_error(page_of(response))
    assert error == (
        "This file is larger than 2.0 KB, the largest export the site accepts. "
        "Export fewer posts at a time (Tools › Export lets you choose posts by date "
        "or category) and import each file."
    )
    assert not ImportJob.objects.exists()
    assert stored_uploads(private_uploads) == []


def test_an_export_cut_short_fails_its_dry_run_and_changes_nothing(
    signed_in, private_uploads
):
    response = upload(signed_in, "cut_short.xml")

    page = page_of(signed_in.get(response["Location"]))
    assert heading(page) == "The import failed"
    assert "it looks cut short" in text(page.select_one(".help-block"))
    assert "Nothing was changed." in text(page)
    assert page.select("form[action$='/confirm/']") == []
    assert not imported_articles().exists()
    assert stored_uploads(private_uploads) == []


def test_only_pages_that_hold_articles_can_be_chosen_as_the_parent(signed_in, home):
    response = upload(signed_in, parent=home.pk)

    assert response.status_code == 400
    assert "Choose the articles index" in field_error(page_of(response))
    assert not ImportJob.objects.exists()


def test_staff_without_the_import_permission_are_turned_away(
    client, moderator, index, private_uploads
):
    client.force_login(moderator)

    assert "Import from WordPress" not in client.get("/admin/").content.decode()
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = upload(client)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ImportJob.objects.exists()
    assert stored_uploads(private_uploads) == []


def test_an_upload_without_the_forms_csrf_token_is_refused(
    editor, index, private_uploads
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = upload(client)

    assert response.status_code == 403
    assert not ImportJob.objects.exists()
    assert stored_uploads(private_uploads) == []


def test_readers_are_sent_to_sign_in(client, index):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_permission_lets_a_group_import_drafts_only(client, group_editor, index):
    group = group_editor.groups.get()
    group.permissions.add(Permission.objects.get(codename="import_wordpress"))
    client.force_login(group_editor)

    assert "Import from WordPress" in client.get("/admin/").content.decode()
    response = upload(client, live="on")
    assert response.status_code == 400
    assert "Only an administrator may publish" in field_error(page_of(response))

    response = upload(client)
    assert response.status_code == 302
    assert ImportJob.objects.get().status == ImportJob.Status.CHECKED


def test_superusers_see_the_menu_item(signed_in):
    assert "Import from WordPress" in signed_in.get("/admin/").content.decode()


# The worker claims tasks in a transaction of its own, as it does beside a web server.
@pytest.mark.django_db(transaction=True)
def test_the_import_runs_in_the_background_and_its_page_follows_it(
    signed_in, import_queue
):
    response = upload(signed_in)
    job_url = response["Location"]

    page = page_of(signed_in.get(job_url))
    assert heading(page) == "Checking the file"
    assert "Waiting for the import worker" in text(
        page.select_one(".wordpress-import [role=status]")
    )
    assert page.select_one("meta[http-equiv=refresh]")["content"] == "2"

    run_import_queue()
    page = page_of(signed_in.get(job_url))
    assert heading(page) == "Dry run: what the import would do"
    assert page.select_one("meta[http-equiv=refresh]") is None

    signed_in.post(f"{job_url}confirm/")
    assert heading(page_of(signed_in.get(job_url))) == "Importing"
    assert not imported_articles().exists()

    run_import_queue()
    page = page_of(signed_in.get(job_url))
    assert heading(page) == "Imported"
    assert imported_articles().count() == 2
    removal = DBTaskResult.objects.get(task_path__endswith=".remove_expired_uploads")
    assert removal.run_after > timezone.now() + timedelta(days=6)


def test_a_running_import_shows_its_progress_on_every_reload(signed_in):
    upload(signed_in)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.IMPORTING,
        started_at=timezone.now(),
        done=40,
        total=100,
        message="Heat wraps for back pain",
    )

    for _ in range(2):
        page = page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))
        bar = page.select_one("progress")
        assert (bar["value"], bar["max"]) == ("40", "100")
        assert (
            text(page.select_one(f"label[for={bar['id']}]"))
            == "40 of 100 posts and pages"
        )
        assert (
            text(page.select_one(".wordpress-import [role=status]"))
            == "Heat wraps for back pain"
        )
        assert page.select_one("meta[http-equiv=refresh]")["content"] == "2"


def test_the_progress_page_can_be_asked_to_keep_still(signed_in):
    upload(signed_in)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.IMPORTING, started_at=timezone.now(), done=1, total=2
    )
    page = page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))

    page = page_of(
        signed_in.get(
            f"{IMPORT_URL}{job.pk}/" + page.find("a", string="stop that")["href"]
        )
    )

    assert page.select_one("meta[http-equiv=refresh]") is None
    assert page.select_one("progress")["value"] == "1"
    assert page.find("a", string="see the progress now")["href"] == "?refresh=off"


@pytest.mark.django_db(transaction=True)
def test_a_second_click_on_import_queues_one_import(signed_in, import_queue):
    upload(signed_in)
    run_import_queue()
    job = ImportJob.objects.get()

    signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/")
    response = signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/", follow=True)

    assert "This import was already started." in text(page_of(response))
    assert (
        DBTaskResult.objects.filter(task_path__endswith=".import_upload").count() == 1
    )


def test_an_import_whose_worker_stopped_can_be_started_again(signed_in):
    upload(signed_in)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.IMPORTING,
        started_at=timezone.now() - timedelta(hours=1),
        updated_at=timezone.now() - timedelta(minutes=30),
    )

    page = page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))
    assert "the import worker stopped" in text(page.select_one(".help-block"))
    assert page.select_one("meta[http-equiv=refresh]") is None
    signed_in.post(f"{IMPORT_URL}{job.pk}/restart/")

    assert heading(page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))) == "Imported"
    assert imported_articles().count() == 2


def test_an_import_that_breaks_off_keeps_its_file_to_be_started_again(
    signed_in, private_uploads, monkeypatch
):
    upload(signed_in)
    job = ImportJob.objects.get()
    real_import = jobs.import_wxr

    def breaks_off(path, **options):
        raise ConnectionResetError("the database went away")

    monkeypatch.setattr(jobs, "import_wxr", breaks_off)
    signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/")

    page = page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))
    assert heading(page) == "The import failed"
    assert text(page.select_one(".help-block")) == jobs.STOPPED
    assert len(stored_uploads(private_uploads)) == 1

    monkeypatch.setattr(jobs, "import_wxr", real_import)
    signed_in.post(f"{IMPORT_URL}{job.pk}/restart/")

    assert heading(page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))) == "Imported"
    assert imported_articles().count() == 2
    assert stored_uploads(private_uploads) == []


def test_an_upload_left_unconfirmed_is_deleted_after_its_days(
    signed_in, private_uploads, settings
):
    settings.WORDPRESS_IMPORT_KEEP_DAYS = 3
    upload(signed_in)
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(days=3, minutes=1)
    )

    signed_in.get(IMPORT_URL)

    assert stored_uploads(private_uploads) == []
    page = page_of(signed_in.get(f"{IMPORT_URL}{job.pk}/"))
    assert heading(page) == "Discarded"
    assert "The file was deleted after 3 days without being imported." in text(page)


def test_discarding_an_upload_deletes_it_without_importing(signed_in, private_uploads):
    upload(signed_in)
    job = ImportJob.objects.get()

    response = signed_in.post(f"{IMPORT_URL}{job.pk}/discard/", follow=True)

    assert "was deleted without importing" in text(page_of(response))
    assert stored_uploads(private_uploads) == []
    assert signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/").status_code == 302
    assert not imported_articles().exists()


def test_the_import_page_lists_recent_imports_in_a_fixed_number_of_queries(
    signed_in, editor, index, django_assert_max_num_queries
):
    ImportJob.objects.bulk_create(
        ImportJob(
            original_name=f"export-{n}.xml", size=100, parent=index, created_by=editor
        )
        for n in range(10)
    )

    with django_assert_max_num_queries(20):
        page = page_of(signed_in.get(IMPORT_URL))

    assert len(page.select("table.listing tbody tr")) == 10


def test_publishing_at_once_puts_articles_live_awaiting_review_and_says_why_not_all(
    signed_in,
):
    # Articles about medicines must say when to get urgent help: the import cannot.
    Topic.objects.create(name="Medicines", slug="medicines", needs_urgent_help=True)
    upload(signed_in, live="on")
    job = ImportJob.objects.get()

    response = signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/", follow=True)

    page = page_of(response)
    assert heading(page) == "Imported"
    assert "Articles that went live, awaiting medical review: 1." in text(
        page.select_one(".wordpress-report__live")
    )
    held = text(page.select_one(".wordpress-report__held"))
    assert "1: Add a “Get help urgently” block before publishing" in held
    assert "medical reviewer" not in held
    assert list(
        imported_articles().filter(live=True).values_list("title", flat=True)
    ) == ["Heat wraps for back pain"]


def test_an_upload_whose_articles_index_was_deleted_is_not_imported(signed_in, index):
    upload(signed_in)
    job = ImportJob.objects.get()
    index.delete()

    response = signed_in.post(f"{IMPORT_URL}{job.pk}/confirm/", follow=True)

    assert "The page chosen to hold the articles no longer exists" in text(
        page_of(response)
    )
    assert not imported_articles().exists()


def seen_from_another_connection(job):
    """The job's progress as the progress page would read it, in another transaction."""
    found = []

    def read():
        try:
            found.append(ImportJob.objects.values_list("done", "total").get(pk=job.pk))
        finally:
            connections.close_all()

    reader = threading.Thread(target=read)
    reader.start()
    reader.join()
    return found[0]


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL (DATABASE_URL): SQLite has one writer at a time, so "
    "there a dry run's progress is written in line and shows only at its end",
)
@pytest.mark.django_db(transaction=True)
def test_a_dry_run_shows_its_progress_while_it_runs(editor, index, monkeypatch):
    """A dry run is one transaction, rolled back; its progress is written beside it."""
    monkeypatch.setattr(jobs, "PROGRESS_INTERVAL", 0.05)
    seen = []
    real_import = jobs.import_wxr

    def watched_import(path, *, progress, **options):
        def progress_and_look(done, total, message=""):
            progress(done, total, message)
            if done == 1:
                for _ in range(100):
                    seen.append(seen_from_another_connection(job))
                    if seen[-1] == (1, 2):
                        break
                    time.sleep(0.05)

        return real_import(path, progress=progress_and_look, **options)

    monkeypatch.setattr(jobs, "import_wxr", watched_import)
    with open(FIXTURES / "small_export.xml", "rb") as export:
        stored = upload_storage().save("export.xml", File(export))
    job = ImportJob.objects.create(
        original_name="small_export.xml",
        size=1,
        parent=index,
        created_by=editor,
        file_name=stored,
        run=1,
    )

    assert jobs.check_upload.call(job.pk, 1) == "checked"

    assert seen[-1] == (1, 2), "the first post's progress, while the dry run went on"
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (ImportJob.Status.CHECKED, 2, 2)
    assert not imported_articles().exists()


def test_administrators_can_give_the_import_to_a_group(signed_in, group_editor):
    group = group_editor.groups.get()

    page = page_of(signed_in.get(f"/admin/groups/edit/{group.pk}/"))

    permission = Permission.objects.get(codename="import_wordpress")
    checkbox = page.select_one(f"input[name=permissions][value='{permission.pk}']")
    assert checkbox is not None
    assert "Can import a WordPress export from the admin" in text(page)
