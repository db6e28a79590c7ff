"""ArticleStreamBlock: the body of an article."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from .general import CalloutBlock, CaptionedImageBlock, FAQBlock, RichTextSectionBlock
from .sections import (
    AlternativesSectionBlock,
    BottomLineSectionBlock,
    DecidingSectionBlock,
    EfficacySectionBlock,
    OverviewSectionBlock,
    SafetySectionBlock,
)

# Sections a reader expects once, in one place.
SINGLE_SECTIONS = (
    "overview",
    "efficacy",
    "safety",
    "alternatives",
    "deciding",
    "bottom_line",
)
# Sections an article cannot be published without, with the message editors see.
REQUIRED_TO_PUBLISH = {
    "safety": "Add a Safety section before publishing: readers need to know the risks.",
    "bottom_line": "Add a Bottom line section before publishing.",
}


class ArticleStreamBlock(blocks.StreamBlock):
    overview = OverviewSectionBlock()
    efficacy = EfficacySectionBlock()
    safety = SafetySectionBlock()
    alternatives = AlternativesSectionBlock()
    deciding = DecidingSectionBlock()
    bottom_line = BottomLineSectionBlock()
    rich_text = RichTextSectionBlock()
    callout = CalloutBlock()
    faq = FAQBlock()
    image = CaptionedImageBlock()

    class Meta:
        block_counts = {name: {"max_num": 1} for name in SINGLE_SECTIONS}

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation:
            present = {child.block_type for child in value}
            missing = [
                ValidationError(message)
                for name, message in REQUIRED_TO_PUBLISH.items()
                if name not in present
            ]
            if missing:
                raise StreamBlockValidationError(non_block_errors=missing)
        return value
