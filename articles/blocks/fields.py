"""Fields several sections share: a certainty rating, a plain list of lines."""

from wagtail import blocks

from .choices import CERTAINTY_CHOICES
from .comparison import LabelledChoiceBlock


def certainty_block(**kwargs):
    kwargs.setdefault("label", "Certainty of evidence")
    kwargs.setdefault(
        "help_text", "As GRADE rates it: high, moderate, low or very low."
    )
    return LabelledChoiceBlock(choices=CERTAINTY_CHOICES, **kwargs)


def plain_list(label, help_text, example):
    return blocks.ListBlock(
        blocks.CharBlock(label=label, max_length=300),
        help_text=f"{help_text} e.g. “{example}”",
        default=[],
    )
