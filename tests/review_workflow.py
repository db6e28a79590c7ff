"""Puts back the Medical review workflow that migrations create, after a flush.

Live-server tests empty the database, and with it the groups, permissions and
workflow that the data migrations made; browser tests that need them call this.
"""

from importlib import import_module

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupApprovalTask, Task

from articles.workflow import MedicalReviewTask


def restore_medical_review_workflow():
    import_module("articles.migrations.0006_medical_review_workflow").create(apps, None)
    # Migration 0010 makes the clinician's task a MedicalReviewTask.
    task = GroupApprovalTask.objects.get(name="Medical review")
    if not MedicalReviewTask.objects.filter(pk=task.pk).exists():
        child = MedicalReviewTask(groupapprovaltask_ptr_id=task.pk)
        child.__dict__.update(
            {k: v for k, v in task.__dict__.items() if not k.startswith("_")}
        )
        child.save_base(raw=True)
        Task.objects.filter(pk=task.pk).update(
            content_type=ContentType.objects.get_for_model(MedicalReviewTask)
        )
