"""Topic: the editor-managed taxonomy articles are filed under."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .about import other_names_field, split_names


class TopicQuerySet(models.QuerySet):
    def used_by(self, articles):
        """Topics that at least one of `articles` is filed under.

        One EXISTS probe per topic that stops at its first article: joining every
        article and DISTINCT over the lot grew with the size of the site.
        """
        return self.filter(models.Exists(articles.filter(topics=models.OuterRef("pk"))))


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="e.g. Back pain.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links, e.g. back-pain."
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences that introduce the topic to readers.",
    )
    other_names = other_names_field()
    needs_urgent_help = models.BooleanField(
        "needs urgent help advice",
        default=False,
        help_text="Articles in this topic cannot be published without a “Get help "
        "urgently” block, e.g. for back pain, chest pain or headaches.",
    )

    objects = TopicQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("other_names"),
        FieldPanel("needs_urgent_help"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("other_names"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def other_names_list(self):
        return split_names(self.other_names)
