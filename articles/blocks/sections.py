"""The structured sections of an article, one block each (safety has its own module)."""

from wagtail import blocks

from .base import PROSE_FEATURES, SectionBlock
from .choices import ALTERNATIVE_KINDS, DIRECTION_CHOICES
from .citations import CitationKeysBlock
from .comparison import LabelledChoiceBlock
from .fields import certainty_block, plain_list
from .values import AlternativeValue, EfficacySectionValue, EvidenceValue


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
    bottom_line_certainty = certainty_block(
        required=False,
        label="Certainty of the bottom line",
        help_text="The editors' rating of the evidence behind the bottom line, shown "
        "with it in “At a glance”.",
    )

    class Meta:
        icon = "tasks"
        value_class = EfficacySectionValue
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
