"""Settings › Import from WordPress: upload an export, read its dry run, confirm, watch it run."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from ..models import ArticlePage
from . import jobs, wxr
from .job_models import ImportJob

PERMISSION = "wordpress.import_wordpress"
RECENT_JOBS = 10
# Seconds between reloads of a running job's page.
REFRESH_SECONDS = 2


def can_import(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def article_parents():
    """Pages that may hold articles (the articles index), in tree order."""
    return Page.objects.type(*ArticlePage.allowed_parent_page_models()).order_by("path")


class SizeLimit(FileUploadHandler):
    """Stops storing an upload past the limit, so a huge file never fills the disk."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit = limit
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self.exceeded = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def too_big():
    return (
        f"This file is larger than {filesizeformat(jobs.max_upload_bytes())}, the "
        "largest export the site accepts. Export fewer posts at a time (Tools › "
        "Export lets you choose posts by date or category) and import each file."
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="WordPress export file",
        help_text="The .xml file WordPress downloads from Tools › Export › All content.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xml,application/xml,text/xml"}
        ),
    )
    parent = forms.ModelChoiceField(
        queryset=Page.objects.none(),
        required=False,
        label="Put the articles under",
        help_text="Posts become articles under this page. Leave it empty for the "
        "site's articles index.",
        error_messages={
            "invalid_choice": "Choose the articles index: only it can hold articles."
        },
        widget=AdminPageChooser(
            target_models=ArticlePage.allowed_parent_page_models(),
            user_perms="add_subpage",
        ),
    )
    live = forms.BooleanField(
        required=False,
        label="Publish imported posts at once, before their medical review",
        help_text="Off (the default): every post arrives as a draft and reaches "
        "readers only through medical review, as articles written here do. On: "
        "each post published on WordPress goes live at once, awaiting medical "
        "review, if it has a summary, an author and, where its topic needs it, "
        "urgent-help advice; readers see that it is not yet medically reviewed, and "
        "Reviews due lists it. The report lists those kept as drafts, and why. Any "
        "later change goes through medical review. Choose it when switching a "
        "live site over, so its articles do not vanish from readers and search "
        "engines meanwhile. Administrators only.",
    )

    def __init__(self, *args, user, oversized=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["parent"].queryset = article_parents()
        if oversized:
            # The file was dropped as it arrived: say why it is missing.
            self.fields["file"].error_messages["required"] = too_big()
        self.fields[
            "file"
        ].help_text += f" Up to {filesizeformat(jobs.max_upload_bytes())}."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > jobs.max_upload_bytes():
            raise ValidationError(too_big())
        try:
            with jobs.upload_path(upload) as path:
                jobs.check_start(path)
        except wxr.WXRError as error:
            raise ValidationError(str(error)) from None
        return upload

    def clean_live(self):
        live = self.cleaned_data["live"]
        if live and not self.user.is_superuser:
            raise ValidationError(
                "Only an administrator may publish articles before their medical "
                "review. Leave this off to import them as drafts."
            )
        return live

    def clean_parent(self):
        parent = self.cleaned_data["parent"] or article_parents().first()
        if parent is None:
            raise ValidationError(
                "There is no articles index to import into. Create one under the home "
                "page first (Pages › Add child page › Article index)."
            )
        if not parent.permissions_for_user(self.user).can_add_subpage():
            raise ValidationError(f"You may not add pages under “{parent.title}”.")
        return parent.specific


def report_sections(data):
    """The stored report (ImportReport.as_dict()), with the totals the page shows."""
    kinds = [
        {**kind, "skipped_total": sum(s["count"] for s in kind["skipped"])}
        for kind in data.get("kinds", [])
    ]
    return {
        **data,
        "kinds": kinds,
        "skipped": [kind for kind in kinds if kind["skipped"]],
        "errors_not_listed": data.get("error_count", 0) - len(data.get("errors", [])),
    }


def recent_jobs():
    return ImportJob.objects.select_related("parent", "created_by")[:RECENT_JOBS]


@csrf_exempt
@user_passes_test(can_import)
def index(request):
    limit = None
    if request.method == "POST":
        # Before the body is read: a file past the limit is dropped as it arrives.
        limit = SizeLimit(request, jobs.max_upload_bytes())
        request.upload_handlers = [limit, *request.upload_handlers]
    return upload(request, limit)


@csrf_protect
def upload(request, limit):
    jobs.discard_expired()
    if request.method == "POST":
        form = UploadForm(
            request.POST, request.FILES, user=request.user, oversized=limit.exceeded
        )
        if form.is_valid():
            job = jobs.start(
                form.cleaned_data["file"],
                parent=form.cleaned_data["parent"],
                live=form.cleaned_data["live"],
                user=request.user,
            )
            return redirect("wordpress_import:job", job.pk)
    else:
        form = UploadForm(
            user=request.user, initial={"parent": article_parents().first()}
        )
    return TemplateResponse(
        request,
        "wordpress/import_index.html",
        {
            "form": form,
            "jobs": recent_jobs(),
            "media_dir": jobs.media_dir(),
            "keep_days": jobs.keep_days(),
        },
        status=400 if form.errors else 200,
    )


@user_passes_test(can_import)
def job_detail(request, pk):
    job = get_object_or_404(
        ImportJob.objects.select_related("parent", "created_by"), pk=pk
    )
    stalled = jobs.is_stalled(job)
    report = job.report if job.status == ImportJob.Status.DONE else job.dry_run_report
    # Some people, and screen readers, need a page that keeps still.
    updating = job.is_running and not stalled
    keep_still = request.GET.get("refresh") == "off"
    return TemplateResponse(
        request,
        "wordpress/import_job.html",
        {
            "job": job,
            "Status": ImportJob.Status,
            "stalled": stalled,
            "waiting": job.is_running and job.started_at is None,
            "updating": updating,
            "keep_still": keep_still,
            "refresh_every": REFRESH_SECONDS,
            "refresh_seconds": REFRESH_SECONDS if updating and not keep_still else None,
            "can_restart": (stalled or job.status == ImportJob.Status.FAILED)
            and bool(job.file_name),
            "report": report_sections(report) if report else None,
            "media_dir": jobs.media_dir(),
            "keep_days": jobs.keep_days(),
            "other_import": ImportJob.objects.filter(status=ImportJob.Status.IMPORTING)
            .exclude(pk=job.pk)
            .first(),
        },
    )


def job_for_action(pk):
    return get_object_or_404(ImportJob, pk=pk)


@require_POST
@user_passes_test(can_import)
def confirm(request, pk):
    job = job_for_action(pk)
    running = ImportJob.objects.filter(status=ImportJob.Status.IMPORTING).exclude(pk=pk)
    if running.exists():
        messages.error(
            request, "Another import is running. Start this one when it has finished."
        )
    elif job.parent is None:
        messages.error(request, jobs.PARENT_GONE)
    elif not jobs.confirm(job):
        messages.warning(request, "This import was already started.")
    return redirect("wordpress_import:job", pk)


@require_POST
@user_passes_test(can_import)
def restart(request, pk):
    if not jobs.restart(job_for_action(pk)):
        messages.warning(
            request, "This job is not stopped: there is nothing to restart."
        )
    return redirect("wordpress_import:job", pk)


@require_POST
@user_passes_test(can_import)
def discard(request, pk):
    job = job_for_action(pk)
    if job.status == ImportJob.Status.CHECKED or (
        job.status == ImportJob.Status.FAILED and job.file_name
    ):
        jobs.discard(job, "The file was deleted without importing.")
        messages.success(
            request, f"“{job.original_name}” was deleted without importing."
        )
        return redirect("wordpress_import:index")
    messages.warning(request, "Only a checked or failed upload can be discarded.")
    return redirect("wordpress_import:job", pk)
