"""ArticleStreamBlock: the body of an article."""

import uuid

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from .general import CalloutBlock, CaptionedImageBlock, FAQBlock, RichTextSectionBlock
from .guidelines import GuidelinesSectionBlock
from .medicine_facts import MedicineFactsBlock
from .safety import SafetySectionBlock
from .sections import (
    AlternativesSectionBlock,
    BottomLineSectionBlock,
    DecidingSectionBlock,
    EfficacySectionBlock,
    OverviewSectionBlock,
)
from .urgent_help import UrgentHelpBlock

# Sections a reader expects once, in one place, in this reading order.
SINGLE_SECTIONS = (
    "overview",
    "efficacy",
    "guidelines",
    "safety",
    "medicine_facts",
    "alternatives",
    "deciding",
    "bottom_line",
)
# Sections a new article starts with (the others are added when they apply).
STARTING_SECTIONS = (
    "overview",
    "efficacy",
    "safety",
    "alternatives",
    "deciding",
    "bottom_line",
)
# Shown near the top of the page wherever it sits in the body; once per article.
URGENT_HELP = "urgent_help"
# Sections an article cannot be published without, with the message editors see.
REQUIRED_TO_PUBLISH = {
    "safety": "Add a Safety section before publishing: readers need to know the risks.",
    "bottom_line": "Add a Bottom line section before publishing.",
}


class ArticleStreamBlock(blocks.StreamBlock):
    urgent_help = UrgentHelpBlock()
    overview = OverviewSectionBlock()
    efficacy = EfficacySectionBlock()
    guidelines = GuidelinesSectionBlock()
    safety = SafetySectionBlock()
    medicine_facts = MedicineFactsBlock()
    alternatives = AlternativesSectionBlock()
    deciding = DecidingSectionBlock()
    bottom_line = BottomLineSectionBlock()
    rich_text = RichTextSectionBlock()
    callout = CalloutBlock()
    faq = FAQBlock()
    image = CaptionedImageBlock()

    class Meta:
        block_counts = {
            name: {"max_num": 1} for name in (URGENT_HELP, *SINGLE_SECTIONS)
        }

    def clean(self, value):
        try:
            cleaned, child_error = super().clean(value), None
        except StreamBlockValidationError as error:
            cleaned, child_error = value, error
        # Drafts may be incomplete or out of order; publishing may not. Every
        # problem is reported at once, beside the blocks' own.
        errors = (
            [] if child_error is None else list(child_error.non_block_errors.as_data())
        )
        if not self.is_deferred_validation:
            present = [child.block_type for child in value]
            errors += [
                ValidationError(message)
                for name, message in REQUIRED_TO_PUBLISH.items()
                if name not in present
            ]
            if order_error := self.order_error(present):
                errors.append(order_error)
        if errors or child_error is not None:
            raise StreamBlockValidationError(
                block_errors=child_error.block_errors if child_error else None,
                non_block_errors=errors,
            )
        return cleaned

    def order_error(self, present):
        """Refuse structured sections out of reading order, naming the order needed.

        Editors move a section where they want it; the page does not reorder behind
        their back, so a preview always shows what will be published.
        """
        sections = [name for name in present if name in SINGLE_SECTIONS]
        expected = sorted(sections, key=SINGLE_SECTIONS.index)
        if sections == expected:
            return None
        labels = [str(self.child_blocks[name].label) for name in expected]
        return ValidationError(
            "Put the sections in reading order before publishing: "
            + ", ".join(labels)
            + "."
        )


def starting_sections():
    """A new article's body: every structured section, empty, in reading order."""
    # Each block needs its own id: the editor builds element ids from it.
    return [
        {"type": name, "value": {}, "id": str(uuid.uuid4())}
        for name in STARTING_SECTIONS
    ]
