"""The structured sections of an article, one block each, in reading order."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .base import PROSE_FEATURES, SectionBlock
from .choices import (
    ALTERNATIVE_KINDS,
    CERTAINTY_CHOICES,
    DIRECTION_CHOICES,
    SEVERITY_CHOICES,
)
from .citations import CitationKeysBlock
from .comparison import LabelledChoiceBlock
from .values import AlternativeValue, CitingValue, EvidenceValue, InteractionValue


def certainty_block():
    return LabelledChoiceBlock(
        choices=CERTAINTY_CHOICES,
        label="Certainty of evidence",
        help_text="As GRADE rates it: high, moderate, low or very low.",
    )


def plain_list(label, help_text, example):
    return blocks.ListBlock(
        blocks.CharBlock(label=label, max_length=300),
        help_text=f"{help_text} e.g. “{example}”",
        default=[],
    )


class OverviewSectionBlock(SectionBlock):
    what_it_is = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        help_text="What the treatment is and what it is licensed for, e.g. "
        "“Diazepam is a benzodiazepine, a medicine that calms the nervous system.”",
    )
    how_it_works = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        required=False,
        help_text="How it acts on the body, in plain words, e.g. "
        "“It strengthens the effect of GABA, a chemical messenger that quietens nerves.”",
    )

    class Meta:
        icon = "info-circle"
        label = "Overview"
        template = "articles/blocks/overview_section.html"
        default_heading = "What it is"
        anchor = "overview"
        description = "What the treatment is and how it works."
        help_text = "Start here: what the treatment is and how it works."
        preview_value = {
            "what_it_is": "<p>Diazepam is a benzodiazepine, a medicine that calms the nervous system.</p>",
            "how_it_works": "<p>It strengthens the effect of GABA, a chemical messenger that quietens nerves.</p>",
        }


class EvidenceItemBlock(blocks.StructBlock):
    finding = blocks.TextBlock(
        help_text="The finding in plain words, e.g. “Adding diazepam to naproxen did not "
        "improve pain or function after one week.”",
    )
    comparison = blocks.CharBlock(
        label="Compared with",
        max_length=120,
        help_text="Completes “Compared with …”, e.g. “a dummy pill (placebo), both groups "
        "also taking naproxen”.",
    )
    direction = LabelledChoiceBlock(
        choices=DIRECTION_CHOICES,
        label="Outcome",
        help_text="Which way the evidence points.",
    )
    certainty = certainty_block()
    references = CitationKeysBlock()

    class Meta:
        icon = "doc-full"
        label = "Evidence item"
        value_class = EvidenceValue


class EfficacySectionBlock(SectionBlock):
    introduction = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        help_text="What was studied and in whom, e.g. “Few trials have tested diazepam "
        "for back pain, and they are small.”",
    )
    evidence = blocks.ListBlock(
        EvidenceItemBlock(),
        min_num=1,
        help_text="One item per finding, strongest evidence first.",
    )
    bottom_line = blocks.CharBlock(
        max_length=200,
        help_text="One line a reader can take away, e.g. “There is no good evidence that "
        "diazepam helps back pain.”",
    )

    class Meta:
        icon = "tasks"
        label = "Efficacy"
        template = "articles/blocks/efficacy_section.html"
        default_heading = "How well does it work?"
        anchor = "efficacy"
        description = "What the evidence shows, finding by finding, with its certainty."
        help_text = "Evidence items with comparison, outcome, certainty and references."
        preview_value = {
            "introduction": "<p>Few trials have tested diazepam for back pain.</p>",
            "evidence": [
                {
                    "finding": "Adding diazepam to naproxen did not improve recovery at one week.",
                    "comparison": "a dummy pill (placebo)",
                    "direction": "no_difference",
                    "certainty": "low",
                    "references": "",
                }
            ],
            "bottom_line": "There is no good evidence that diazepam helps back pain.",
        }


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


class AlternativeBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text="e.g. “Exercise therapy”.")
    kind = LabelledChoiceBlock(choices=ALTERNATIVE_KINDS)
    evidence = blocks.TextBlock(
        label="What the evidence says",
        help_text="e.g. “Exercise programmes help people with long-lasting back pain "
        "move and work better.”",
    )
    certainty = certainty_block()
    references = CitationKeysBlock()
    page = blocks.PageChooserBlock(
        page_type="articles.ArticlePage",
        required=False,
        label="Read more",
        help_text="Optional: an article on this site about this option.",
    )

    class Meta:
        icon = "arrow-right"
        label = "Alternative"
        value_class = AlternativeValue


class AlternativesSectionBlock(SectionBlock):
    introduction = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        required=False,
        help_text="e.g. “Most back pain gets better within weeks; these can help meanwhile.”",
    )
    options = blocks.ListBlock(AlternativeBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Alternatives"
        template = "articles/blocks/alternatives_section.html"
        default_heading = "What else can help?"
        anchor = "alternatives"
        description = "Other options, each with its evidence and certainty."
        help_text = "Each option: kind, what the evidence says, certainty, references."
        preview_value = {
            "options": [
                {
                    "name": "Exercise therapy",
                    "kind": "therapy",
                    "evidence": "Helps people with long-lasting back pain move better.",
                    "certainty": "moderate",
                    "references": "",
                }
            ]
        }


class DecidingSectionBlock(SectionBlock):
    introduction = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        required=False,
        help_text="e.g. “The right choice depends on you; these questions help.”",
    )
    questions = plain_list(
        "Question",
        "Questions to ask your clinician, one per line.",
        "How long should I take it for?",
    )
    factors = plain_list(
        "Factor",
        "Things that change the choice, one per line.",
        "You already take an opioid painkiller",
    )

    class Meta:
        icon = "group"
        label = "Deciding with a clinician"
        template = "articles/blocks/deciding_section.html"
        default_heading = "Deciding with your clinician"
        anchor = "deciding"
        description = "Questions to ask and factors that change the choice."
        help_text = "Questions to ask, and what changes the choice."
        preview_value = {
            "questions": ["How long should I take it for?"],
            "factors": ["You already take an opioid painkiller"],
        }


class BottomLineSectionBlock(SectionBlock):
    text = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        help_text="Two or three sentences a reader remembers, e.g. “Diazepam is not a "
        "good choice for most back pain.”",
    )

    class Meta:
        icon = "pick"
        label = "Bottom line"
        template = "articles/blocks/bottom_line_section.html"
        default_heading = "The bottom line"
        anchor = "bottom-line"
        description = "The take-home message. Required before publishing."
        help_text = "Required before publishing."
        preview_value = {
            "text": "<p>Diazepam is not a good choice for most back pain.</p>",
        }
