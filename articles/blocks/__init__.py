"""Article body blocks; see sections.py for the structured sections."""

from .general import CalloutBlock, CaptionedImageBlock, FAQBlock, RichTextSectionBlock
from .sections import (
    AlternativeBlock,
    AlternativesSectionBlock,
    BottomLineSectionBlock,
    DecidingSectionBlock,
    EfficacySectionBlock,
    EvidenceItemBlock,
    OverviewSectionBlock,
    SafetySectionBlock,
)
from .stream import (
    REQUIRED_TO_PUBLISH,
    SINGLE_SECTIONS,
    ArticleStreamBlock,
    starting_sections,
)

__all__ = [
    "REQUIRED_TO_PUBLISH",
    "SINGLE_SECTIONS",
    "AlternativeBlock",
    "AlternativesSectionBlock",
    "ArticleStreamBlock",
    "BottomLineSectionBlock",
    "CalloutBlock",
    "CaptionedImageBlock",
    "DecidingSectionBlock",
    "EfficacySectionBlock",
    "EvidenceItemBlock",
    "FAQBlock",
    "OverviewSectionBlock",
    "RichTextSectionBlock",
    "SafetySectionBlock",
    "starting_sections",
]
