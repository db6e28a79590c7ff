"""The words "Did you mean" may offer, kept apart from the pages they come from."""

from django.db import models
from django.db.models import Q


class SearchTerm(models.Model):
    """One word of a published article's title or other names, or of a topic's names.

    search/vocabulary.py keeps these current; the lookup still joins each word to its
    live, public article, so a word is never offered from a page readers cannot see.
    """

    word = models.CharField(max_length=50)
    article = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    topic = models.ForeignKey(
        "articles.Topic",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, topic__isnull=True)
                | Q(article__isnull=True, topic__isnull=False),
                name="search_term_has_one_source",
            ),
            models.UniqueConstraint(
                fields=["word", "article"], name="search_term_once_per_article"
            ),
            models.UniqueConstraint(
                fields=["word", "topic"], name="search_term_once_per_topic"
            ),
        ]

    def __str__(self):
        return self.word
