"""An import started from the admin: its uploaded file, options, progress and report.

The row is the job's whole state, so the progress page survives a reload, a restart of
the web server, or a second member of staff looking at it.
"""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models

# A storage of that name in STORAGES (private object storage, when several servers
# share the work) takes the place of the private folder.
STORAGE_ALIAS = "wordpress_imports"


def upload_storage():
    """Where uploads wait for their import: never under a public media address."""
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    root = getattr(
        settings, "PRIVATE_UPLOADS_ROOT", settings.BASE_DIR / ".private-uploads"
    )
    return FileSystemStorage(
        location=Path(root) / "wordpress-imports",
        base_url=None,
        file_permissions_mode=0o600,
        directory_permissions_mode=0o700,
    )


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", "Checking the file"
        CHECKED = "checked", "Checked, waiting for confirmation"
        IMPORTING = "importing", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"
        DISCARDED = "discarded", "Discarded"

    RUNNING = (Status.CHECKING, Status.IMPORTING)

    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.CHECKING
    )
    # The stored upload's name in upload_storage();
    # blank once the file is deleted.
    file_name = models.CharField(max_length=255, blank=True)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    parent = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    live = models.BooleanField(
        default=False,
        help_text="Published posts go live, marked as imported and awaiting medical review.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Progress writes touch it: a running job whose row stops changing has stalled.
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Counts each start of the check or the import; a run that was started again
    # after stalling no longer writes to the row.
    run = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=500, blank=True)
    dry_run_report = models.JSONField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        default_permissions = ()
        permissions = [
            ("import_wordpress", "Can import a WordPress export from the admin")
        ]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display().lower()})"

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @contextmanager
    def local_path(self):
        """A path to the stored upload; a temporary copy when storage is remote."""
        storage = upload_storage()
        try:
            path = storage.path(self.file_name)
        except NotImplementedError:
            path = None
        if path is not None:
            yield path
            return
        with tempfile.NamedTemporaryFile(suffix=".xml") as copy:
            with storage.open(self.file_name, "rb") as stored:
                shutil.copyfileobj(stored, copy, 1024 * 1024)
            copy.flush()
            yield copy.name

    def delete_upload(self):
        if self.file_name:
            upload_storage().delete(self.file_name)
        ImportJob.objects.filter(pk=self.pk).update(file_name="")
        self.file_name = ""
