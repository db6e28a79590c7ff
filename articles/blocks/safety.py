"""The safety section: serious warnings, side effects, dependence, interactions, advice."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import PROSE_FEATURES, SectionBlock
from .choices import SEVERITY_CHOICES
from .citations import CitationKeysBlock
from .comparison import LabelledChoiceBlock
from .fields import plain_list
from .values import CitingValue, InteractionValue


class WarningBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120,
        help_text="e.g. “Do not combine with opioid painkillers”.",
    )
    text = blocks.TextBlock(
        help_text="What the warning says and why, e.g. “Together they can slow breathing "
        "dangerously, and have caused deaths.”",
    )
    references = CitationKeysBlock()

    class Meta:
        icon = "warning"
        label = "Serious warning"
        value_class = CitingValue


class InteractionBlock(blocks.StructBlock):
    substance = blocks.CharBlock(max_length=120, help_text="e.g. “Opioid painkillers”.")
    severity = LabelledChoiceBlock(choices=SEVERITY_CHOICES)
    effect = blocks.TextBlock(
        label="What happens",
        help_text="e.g. “Deep sleepiness and slowed breathing.”",
    )
    advice = blocks.TextBlock(
        label="What to do",
        help_text="e.g. “Tell your prescriber about every medicine you take.”",
    )
    references = CitationKeysBlock()

    class Meta:
        icon = "link"
        label = "Interaction"
        value_class = InteractionValue


class AdviceBlock(blocks.StructBlock):
    topic = blocks.CharBlock(
        max_length=60, help_text="e.g. “Driving”, “Alcohol”, “Stopping”."
    )
    advice = blocks.TextBlock(
        help_text="e.g. “Do not drive until you know how it affects you.”",
    )

    class Meta:
        icon = "help"
        label = "Practical advice"


class SafetySectionBlock(SectionBlock):
    warnings = blocks.ListBlock(
        WarningBlock(),
        default=[],
        help_text="Serious warnings shown prominently, such as a regulator's boxed warning.",
    )
    common_side_effects = plain_list(
        "Side effect", "Common side effects, one per line.", "Drowsiness"
    )
    dependence = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        required=False,
        label="Dependence and withdrawal",
        help_text="e.g. “Taken every day for a few weeks, the body can come to depend on it.”",
    )
    interactions = blocks.ListBlock(InteractionBlock(), default=[])
    who_should_not_take_it = plain_list(
        "Who should not take it",
        "People for whom it is unsuitable, one per line.",
        "People with severe breathing problems",
    )
    practical_advice = blocks.ListBlock(AdviceBlock(), default=[])

    class Meta:
        icon = "warning"
        label = "Safety"
        template = "articles/blocks/safety_section.html"
        default_heading = "What are the risks?"
        anchor = "safety"
        description = (
            "Warnings, side effects, dependence, interactions and practical advice."
        )
        help_text = "Required before publishing. Put boxed warnings first."
        preview_value = {
            "warnings": [
                {
                    "title": "Do not combine with opioid painkillers",
                    "text": "Together they can slow breathing dangerously.",
                    "references": "",
                }
            ],
            "common_side_effects": ["Drowsiness", "Dizziness"],
        }

    def clean(self, value):
        value = super().clean(value)
        parts = ("warnings", "common_side_effects", "dependence", "interactions")
        if not self.is_deferred_validation and not any(value.get(p) for p in parts):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(
                        "A safety section needs at least a warning, a side effect, "
                        "dependence information or an interaction."
                    )
                ]
            )
        return value
