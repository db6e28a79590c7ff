"""Keep the "Did you mean" vocabulary current as articles go live or not, and topics change.

Only publishing, never a plain save, adds an article's words: saving a draft revision
leaves the unpublished title on the instance, and a draft's title must never be offered.
Deleting an article or topic deletes its words through the foreign key.
"""

from django.db.models.signals import post_save

from wagtail.signals import page_published, page_unpublished

from articles.models import ArticlePage, Topic

from . import vocabulary


def article_published(sender, instance, **kwargs):
    vocabulary.store_article(instance)


def article_unpublished(sender, instance, **kwargs):
    vocabulary.forget_article(instance)


def topic_saved(sender, instance, raw=False, **kwargs):
    if not raw:  # loaddata: leave the fixture's rows as they come
        vocabulary.store_topic(instance)


def connect():
    page_published.connect(article_published, sender=ArticlePage)
    page_unpublished.connect(article_unpublished, sender=ArticlePage)
    post_save.connect(topic_saved, sender=Topic)
