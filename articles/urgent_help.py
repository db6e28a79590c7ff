"""The site's own words for urgent help: which number to call, where to go."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="warning")
class UrgentHelpSettings(BaseSiteSetting):
    emergency_advice = models.CharField(
        max_length=200,
        default="Call 999 or go to A&E now if:",
        help_text="Heads the emergency symptoms in every article's “Get help urgently” "
        "box. Use your country's emergency number, e.g. “Call 911 if:”.",
    )
    urgent_advice = models.CharField(
        max_length=200,
        default="Get an urgent GP appointment or call 111 if:",
        help_text="Heads the urgent (not emergency) symptoms, e.g. “See a doctor today "
        "if:”.",
    )

    panels = [FieldPanel("emergency_advice"), FieldPanel("urgent_advice")]

    class Meta:
        verbose_name = "Urgent help"
