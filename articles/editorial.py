"""What an article records about how it was made: authors, corrections, problem reports."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ArticleAuthor(Orderable):
    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="authors"
    )
    person = models.ForeignKey(
        "articles.Person", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "person"], name="unique_article_author"
            )
        ]


class Correction(Orderable):
    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="corrections"
    )
    date = models.DateField()
    text = models.TextField(
        help_text="What was wrong and what changed, e.g. “We corrected the number of "
        "people in the 2017 trial from 141 to 114.”"
    )

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["-date", "sort_order"]


class ProblemReport(models.Model):
    """A reader's report of a problem with an article, for the editors."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        RESOLVED = "resolved", "Resolved"

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="problem_reports"
    )
    message = models.TextField(max_length=3000)
    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)

    # The edit form's panels are ProblemReportViewSet.panels, in editorial_admin.py.

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Problem with “{self.article.title}” ({self.created_at:%d %b %Y})"
