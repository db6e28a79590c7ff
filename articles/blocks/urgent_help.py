"""Get help urgently: red-flag symptoms, grouped by how fast to act.

The telephone numbers and services are the site's (Settings › Urgent help), so one
article reads right in every country the site serves.
"""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import SectionBlock
from .values import UrgentHelpValue


def symptoms(label, help_text, example):
    return blocks.ListBlock(
        blocks.CharBlock(label="Symptom", max_length=200),
        label=label,
        default=[],
        help_text=f"{help_text} One per line, e.g. “{example}”.",
    )


class UrgentHelpBlock(SectionBlock):
    emergency = symptoms(
        "Emergency",
        "Shown under the site's emergency advice (e.g. “Call 999 or go to A&E if:”).",
        "you have numbness around your bottom or genitals",
    )
    urgent = symptoms(
        "Urgent",
        "Shown under the site's urgent advice (e.g. “Get an urgent appointment or call "
        "111 if:”).",
        "your back pain does not improve after 4 weeks",
    )

    class Meta:
        icon = "warning"
        label = "Get help urgently"
        template = "articles/blocks/urgent_help.html"
        default_heading = "Get help urgently"
        anchor = "urgent-help"
        description = "Red-flag symptoms, shown near the top of the article."
        help_text = (
            "Shown near the top of the article wherever it sits in the body. Required "
            "on articles in a topic marked “needs urgent help advice”."
        )
        value_class = UrgentHelpValue
        preview_value = {
            "emergency": ["you have numbness around your bottom or genitals"],
            "urgent": ["your back pain does not improve after 4 weeks"],
        }

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and not (
            value.get("emergency") or value.get("urgent")
        ):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError("List at least one symptom that needs urgent help.")
                ]
            )
        return value
