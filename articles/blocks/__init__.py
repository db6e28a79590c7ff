"""Article body blocks; see sections.py for the structured sections."""

from .general import CalloutBlock, CaptionedImageBlock, FAQBlock, RichTextSectionBlock
from .guidelines import GuidelineBlock, GuidelinesSectionBlock
from .medicine_facts import MedicineFactsBlock
from .safety import SafetySectionBlock
from .sections import (
    AlternativeBlock,
    AlternativesSectionBlock,
    BottomLineSectionBlock,
    DecidingSectionBlock,
    EfficacySectionBlock,
    EvidenceItemBlock,
    OverviewSectionBlock,
)
from .stream import (
    REQUIRED_TO_PUBLISH,
    SINGLE_SECTIONS,
    URGENT_HELP,
    ArticleStreamBlock,
    starting_sections,
)
from .urgent_help import UrgentHelpBlock

__all__ = [
    "REQUIRED_TO_PUBLISH",
    "SINGLE_SECTIONS",
    "URGENT_HELP",
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
    "GuidelineBlock",
    "GuidelinesSectionBlock",
    "MedicineFactsBlock",
    "OverviewSectionBlock",
    "RichTextSectionBlock",
    "SafetySectionBlock",
    "UrgentHelpBlock",
    "starting_sections",
]
