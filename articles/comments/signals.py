"""Keeping comments consistent with the pages they belong to."""

from django_comments_xtd.models import XtdComment

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page

from articles.models import ArticlePage

from .models import PendingComment
from .purge import comments_changed


@receiver(post_delete, sender=ArticlePage)
def delete_article_comments(sender, instance, **kwargs):
    """An article's comments (their flags, and those awaiting confirmation) go with it.

    Runs for every article deleted, also when deleting an ancestor page takes the
    article with it. Comments wrongly attached to the bare Page go too.
    """
    content_types = list(
        ContentType.objects.get_for_models(
            ArticlePage, Page, for_concrete_models=False
        ).values()
    )
    for model in (XtdComment, PendingComment):
        model.objects.filter(
            content_type__in=content_types, object_pk=str(instance.pk)
        ).delete()


@receiver(post_save, sender=XtdComment)
@receiver(post_delete, sender=XtdComment)
def drop_cached_article(sender, instance, **kwargs):
    """A comment posted live, confirmed or deleted shows at once, front cache included."""
    comments_changed([instance])
