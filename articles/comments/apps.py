from django_comments_xtd.apps import CommentsXtdConfig

from django.apps import AppConfig
from django.db.models.signals import pre_save


class CommentsConfig(AppConfig):
    """Reader comments on articles: django-comments-xtd plus moderation and its admin."""

    default = True  # this module also holds the django_comments_xtd config below
    name = "articles.comments"
    label = "article_comments"
    verbose_name = "Comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Moderation rules for new comments, storing them (confirmation), clean-up
        # when an article goes, and django.contrib.sites' domain kept to SITE_DOMAIN.
        from . import confirmation, moderation, signals, sites  # noqa: F401

        unregister_xtd_admin()


def unregister_xtd_admin():
    """Moderation happens in Wagtail's Comments area, under the project's rules.

    xtd puts its models in Django's admin too (/django-admin/), a second path that
    would skip them: approving there neither logs nor notifies, and edits text.
    """
    # Registers them now, so that autodiscover's later import finds nothing new.
    import django_comments_xtd.admin  # noqa: F401

    from django.contrib import admin

    for model in list(admin.site._registry):
        if model._meta.app_label in ("django_comments", "django_comments_xtd"):
            admin.site.unregister(model)


class XtdCommentsConfig(CommentsXtdConfig):
    """django-comments-xtd, less two habits.

    It copies a comment's visibility to replies: approving a parent must not publish
    its held replies, and removing one must leave its replies in the thread. And it
    emails inside the request before storing anything: confirmation.py stores first
    and queues the emails instead.
    """

    def ready(self):
        super().ready()
        from django_comments.signals import comment_was_posted
        from django_comments_xtd import get_model
        from django_comments_xtd import views as xtd_views
        from django_comments_xtd.models import (
            TmpXtdComment,
            publish_or_unpublish_on_pre_save,
        )

        pre_save.disconnect(
            publish_or_unpublish_on_pre_save, sender=get_model()._meta.label
        )
        comment_was_posted.disconnect(
            xtd_views.on_comment_was_posted, sender=TmpXtdComment
        )
