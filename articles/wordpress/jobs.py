"""Admin imports run as background tasks: the dry run, the import, and the upload's removal.

Each task reads and writes only the ImportJob row, so the progress page can be reloaded
at any time and a job left behind by a stopped worker can be started again.
"""

import logging
import shutil
import tempfile
import threading
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from time import monotonic

from django_tasks import task, task_backends

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.db.models import Q
from django.utils import timezone

from . import wxr
from .importer import ImportRefused, import_wxr
from .job_models import ImportJob, upload_storage

logger = logging.getLogger("healthinfo.wordpress")

# Its own queue and worker: a long import never holds up readers' emails. Without an
# "imports" backend in TASKS, the site's default backend runs the import in the request.
BACKEND = QUEUE = "imports" if "imports" in settings.TASKS else "default"
# A running job whose row has not changed for this long has lost its worker.
STALLED_AFTER = timedelta(minutes=10)
# Progress is written at most this often (seconds), and always at the end.
PROGRESS_INTERVAL = 1.0
WAITING = "Waiting for the import worker"
PARENT_GONE = (
    "The page chosen to hold the articles no longer exists. Upload the file again "
    "and choose another."
)
STOPPED = (
    "The import stopped unexpectedly. What was imported before it stopped is kept; "
    "start it again to import the rest (nothing is duplicated)."
)
CHECK_STOPPED = "The check stopped unexpectedly; nothing was changed. Start it again."


def max_upload_bytes():
    return getattr(settings, "WORDPRESS_IMPORT_MAX_BYTES", 200 * 1024 * 1024)


def keep_days():
    return getattr(settings, "WORDPRESS_IMPORT_KEEP_DAYS", 7)


def media_dir():
    """The server's copy of wp-content/uploads that images are taken from, if any."""
    path = getattr(settings, "WORDPRESS_IMPORT_MEDIA_DIR", None)
    return Path(path) if path else None


@contextmanager
def upload_path(upload):
    """A path to an uploaded file: Django's temporary file, or a copy of a small one."""
    if hasattr(upload, "temporary_file_path"):
        yield upload.temporary_file_path()
        return
    with tempfile.NamedTemporaryFile(suffix=".xml") as copy:
        upload.seek(0)
        shutil.copyfileobj(upload, copy)
        copy.flush()
        upload.seek(0)
        yield copy.name


def check_start(path):
    """Refuses at once, with the importer's own WXRError, a file that does not begin as
    a WordPress export; the dry run reads the rest."""
    for element in wxr.wxr_elements(path):
        name = wxr.local_name(element.tag)
        # WordPress names its export version before the first post.
        if name == "wp:wxr_version":
            return
        if name == "item":
            break
    # No version before the first post, or a short file read whole: the full check.
    wxr.read_export(path)


def start(upload, *, parent, live, user):
    """Store an upload privately and queue its dry run; returns the job."""
    storage = upload_storage()
    name = storage.save(f"{uuid.uuid4().hex}.xml", upload)
    try:
        job = ImportJob.objects.create(
            file_name=name,
            original_name=Path(upload.name).name[:255],
            size=upload.size,
            parent=parent,
            live=live,
            created_by=user,
            status=ImportJob.Status.CHECKING,
            run=1,
            message=WAITING,
        )
    except DatabaseError:
        storage.delete(name)
        raise
    check_upload.enqueue(job.pk, 1)
    schedule_removal(job)
    return ImportJob.objects.get(pk=job.pk)


def confirm(job):
    """Queue the import of a checked upload; False if it was not waiting (a second click)."""
    waiting = Q(status=ImportJob.Status.CHECKED)
    return _queue(job, ImportJob.Status.IMPORTING, waiting, import_upload)


def restart(job):
    """Queue a stalled or failed job's step again; False if there is nothing to restart."""
    if job.dry_run_report is None:
        status, task_ = ImportJob.Status.CHECKING, check_upload
    else:
        status, task_ = ImportJob.Status.IMPORTING, import_upload
    stalled = Q(
        status__in=ImportJob.RUNNING, updated_at__lt=timezone.now() - STALLED_AFTER
    )
    restartable = (stalled | Q(status=ImportJob.Status.FAILED)) & ~Q(file_name="")
    return _queue(job, status, restartable, task_)


def _queue(job, status, condition, task_):
    """Moves the job to `status` and queues `task_` for it, if `condition` still holds."""
    run = job.run + 1
    changed = ImportJob.objects.filter(condition, pk=job.pk, run=job.run).update(
        status=status,
        run=run,
        done=0,
        total=0,
        started_at=None,
        finished_at=None,
        error="",
        message=WAITING,
        updated_at=timezone.now(),
    )
    if changed:
        task_.enqueue(job.pk, run)
    return bool(changed)


def discard(job, message):
    """Delete a job's upload; a job that had not finished ends discarded."""
    job.delete_upload()
    if job.status not in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.DISCARDED,
            message=message,
            updated_at=timezone.now(),
        )


def is_stalled(job):
    return job.is_running and job.updated_at < timezone.now() - STALLED_AFTER


def expired_jobs(now=None):
    """Jobs whose uploads have waited longer than the site keeps them."""
    cutoff = (now or timezone.now()) - timedelta(days=keep_days())
    waiting = ~Q(status__in=ImportJob.RUNNING) | Q(updated_at__lt=cutoff)
    return ImportJob.objects.exclude(file_name="").filter(
        waiting, created_at__lt=cutoff
    )


def discard_expired(now=None):
    """Delete uploads kept past their time; returns how many."""
    jobs = list(expired_jobs(now))
    for job in jobs:
        discard(
            job,
            f"The file was deleted after {keep_days()} days without being imported.",
        )
    return len(jobs)


def schedule_removal(job):
    """Queue the upload's deletion for when it expires, where the backend can wait."""
    if not task_backends[BACKEND].supports_defer:
        # Without a queue that can wait, every visit to the import page sweeps instead.
        return
    when = job.created_at + timedelta(days=keep_days(), minutes=1)
    remove_expired_uploads.using(run_after=when).enqueue()


class ProgressWriter:
    """The importer's progress callback: done/total/message, written to the job row.

    On PostgreSQL a thread of its own writes them, on its own database connection: the
    importer's transactions (a dry run is one, rolled back at the end) would otherwise
    hide every write until they end, and undo the dry run's. SQLite allows one writer at
    a time, and a second one beside the importer could make the importer's writes fail:
    there they are written in line, so a dry run shows its progress only at the end.
    """

    def __init__(self, job):
        self.rows = ImportJob.objects.filter(pk=job.pk, run=job.run)
        # The last counts reported, which the job's end writes in any case.
        self.counts = {}
        self.latest = None
        self.written_at = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = None
        if connections[self.rows.db].vendor != "sqlite":
            self.thread = threading.Thread(
                target=self.write_until_stopped,
                name=f"import-job-{job.pk}",
                daemon=True,
            )

    def __call__(self, done, total, message=""):
        self.counts = {"done": done, "total": total}
        with self.lock:
            self.latest = {**self.counts, "message": str(message)[:500]}
        due = (
            self.written_at is None
            or monotonic() - self.written_at >= PROGRESS_INTERVAL
        )
        if self.thread is None and due:
            self.write()

    def __enter__(self):
        if self.thread is not None:
            self.thread.start()
        return self

    def __exit__(self, *exc_info):
        if self.thread is None:
            self.write()
            return
        self.stopping.set()
        self.thread.join()

    def write_until_stopped(self):
        try:
            while not self.stopping.wait(PROGRESS_INTERVAL):
                self.write()
            self.write()
        finally:
            # This thread's connection only: the import's own stays open.
            connections.close_all()

    def write(self):
        with self.lock:
            latest, self.latest = self.latest, None
        if latest is None:
            return
        self.written_at = monotonic()
        try:
            # A savepoint: a failed write never spoils the importer's transaction.
            with transaction.atomic(using=self.rows.db):
                self.rows.update(**latest, updated_at=timezone.now())
        except DatabaseError:
            # Progress is a courtesy; the next write, or the job's end, catches up.
            logger.info("Progress of import job not written", exc_info=True)


def report_data(report):
    """The importer's report as the JSON the job row keeps."""
    return report.as_dict()


def run(job_id, run_number, *, dry_run):
    """The dry run or the import of one job, if that run is still the job's current one."""
    expected = ImportJob.Status.CHECKING if dry_run else ImportJob.Status.IMPORTING
    rows = ImportJob.objects.filter(pk=job_id, run=run_number)
    now = timezone.now()
    claimed = rows.filter(status=expected).update(
        started_at=now, updated_at=now, message="Reading the file"
    )
    if not claimed:
        return "superseded"
    job = rows.select_related("parent", "created_by").get()

    def finish(status, **fields):
        """Ends the job; False if a later run has taken it over meanwhile."""
        now = timezone.now()
        return bool(
            rows.update(status=status, finished_at=now, updated_at=now, **fields)
        )

    if job.parent is None:
        if finish(ImportJob.Status.FAILED, error=PARENT_GONE):
            job.delete_upload()
        return "failed"
    progress = ProgressWriter(job)
    try:
        with job.local_path() as path, progress:
            report = import_wxr(
                path,
                parent=job.parent.specific,
                dry_run=dry_run,
                media_dir=media_dir(),
                live=job.live,
                progress=progress,
                user=job.created_by,
            )
        data = report_data(report)
    except (wxr.WXRError, ImportRefused) as error:
        # The file, or the page chosen for it, cannot be used: nothing was changed.
        if finish(ImportJob.Status.FAILED, error=str(error)):
            job.delete_upload()
        return "failed"
    except Exception:
        logger.exception("WordPress import job %s stopped", job_id)
        finish(ImportJob.Status.FAILED, error=CHECK_STOPPED if dry_run else STOPPED)
        raise
    if dry_run:
        finish(ImportJob.Status.CHECKED, dry_run_report=data, **progress.counts)
        return "checked"
    if finish(ImportJob.Status.DONE, report=data, **progress.counts):
        job.delete_upload()
    return "done"


@task(backend=BACKEND, queue_name=QUEUE)
def check_upload(job_id, run_number):
    """The dry run: what the import would create, update and skip."""
    return run(job_id, run_number, dry_run=True)


@task(backend=BACKEND, queue_name=QUEUE)
def import_upload(job_id, run_number):
    """The import itself, after staff confirmed the dry run's report."""
    return run(job_id, run_number, dry_run=False)


@task(backend=BACKEND, queue_name=QUEUE)
def remove_expired_uploads():
    return discard_expired()
