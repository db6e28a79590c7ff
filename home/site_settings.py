"""Site-wide choices editors make under Settings."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="doc-full")
class EditorialSettings(BaseSiteSetting):
    editorial_policy_page = models.ForeignKey(
        "home.StandardPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        # Lets StandardPage.editorial_policy() find the live page in one query.
        related_name="editorial_settings",
        help_text="The page explaining how articles are written and reviewed. Every "
        "article's byline links to it while it is live.",
    )

    panels = [FieldPanel("editorial_policy_page")]

    class Meta:
        verbose_name = "editorial settings"
