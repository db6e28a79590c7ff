"""Topic: the editor-managed taxonomy articles are filed under."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="e.g. Back pain.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links, e.g. back-pain."
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences that introduce the topic to readers.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
