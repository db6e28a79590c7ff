"""Building comments directly, for the demo content and the tests."""

from datetime import timedelta

from django_comments_xtd.models import XtdComment

from django.contrib.sites.models import Site
from django.utils import timezone


def build_comment(
    page,
    comment="A comment.",
    *,
    name="A reader",
    email="reader@example.com",
    parent=None,
    user=None,
    is_public=True,
    is_removed=False,
    followup=False,
    url="",
    submit_date=None,
):
    """A stored comment on `page`, replying to `parent`, threaded as xtd threads it."""
    new = XtdComment(
        content_object=page,
        site=Site.objects.get_current(),
        comment=comment,
        user_name=name,
        user_email=email,
        user_url=url,
        user=user,
        parent_id=parent.pk if parent else 0,
        is_public=is_public,
        is_removed=is_removed,
        followup=followup,
        submit_date=submit_date or timezone.now(),
    )
    new.save()
    return new


def comments_of(page):
    return XtdComment.objects.filter(
        content_type__app_label=page._meta.app_label,
        content_type__model=page._meta.model_name,
        object_pk=str(page.pk),
    )


def days_ago(days):
    return timezone.now() - timedelta(days=days)
