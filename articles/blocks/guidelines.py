"""What guidelines say: named recommendations, kept apart from the evidence they weigh."""

from django.core.validators import MaxValueValidator, MinValueValidator

from wagtail import blocks

from .base import SectionBlock
from .choices import STRENGTH_CHOICES
from .comparison import LabelledChoiceBlock
from .values import GuidelineValue


class GuidelineBlock(blocks.StructBlock):
    organisation = blocks.CharBlock(
        max_length=120, help_text="Who issued it, e.g. “NICE”."
    )
    title = blocks.CharBlock(
        label="Guideline",
        max_length=200,
        help_text="Its name and code, e.g. “Low back pain and sciatica in over 16s (NG59)”.",
    )
    year = blocks.IntegerBlock(
        required=False,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="The year of the version quoted, e.g. 2016, if it has one.",
    )
    strength = LabelledChoiceBlock(
        choices=STRENGTH_CHOICES,
        label="Strength",
        help_text="How firmly it is worded.",
    )
    recommendation = blocks.TextBlock(
        help_text="Its wording, quoted or closely paraphrased, e.g. “Do not offer "
        "benzodiazepines for low back pain.”",
    )
    url = blocks.URLBlock(
        label="Link", required=False, help_text="The guideline on its publisher's site."
    )

    class Meta:
        icon = "clipboard-list"
        label = "Guideline recommendation"
        value_class = GuidelineValue


class GuidelinesSectionBlock(SectionBlock):
    recommendations = blocks.ListBlock(GuidelineBlock(), min_num=1)

    class Meta:
        icon = "clipboard-list"
        label = "What guidelines say"
        template = "articles/blocks/guidelines_section.html"
        default_heading = "What guidelines say"
        anchor = "guidelines"
        description = "Recommendations from named guidelines, with their strength."
        help_text = (
            "Recommendations are not evidence: they stay out of the evidence list."
        )
        preview_value = {
            "recommendations": [
                {
                    "organisation": "NICE",
                    "title": "Low back pain and sciatica in over 16s (NG59)",
                    "year": 2016,
                    "strength": "do_not_offer",
                    "recommendation": "Do not offer benzodiazepines for low back pain.",
                }
            ]
        }
