"""Medicine facts: how to take a medicine and when to take care, in a fixed order.

Every fact is optional; the page shows those given, always in FACTS order, and the
article's JSON-LD carries them as schema.org Drug properties.
"""

from wagtail import blocks

from .base import SectionBlock
from .citations import CitationKeysBlock
from .values import MedicineFactsValue


def fact(label, example):
    return blocks.TextBlock(label=label, required=False, help_text=f"e.g. “{example}”")


class MedicineFactsBlock(SectionBlock):
    how_to_take = fact(
        "How it is taken", "As tablets, usually for a few days at the lowest dose."
    )
    course_length = fact(
        "Usual course length", "A few days; rarely more than two weeks."
    )
    stopping = fact(
        "Stopping",
        "After more than a few days, stop slowly with your prescriber's help.",
    )
    missed_dose = fact(
        "If you miss a dose", "Skip it and take the next dose at the usual time."
    )
    too_much = fact(
        "If you take too much",
        "Call 111 or go to A&E straight away if someone is very sleepy or breathing slowly.",
    )
    pregnancy = fact("Pregnancy", "Talk to your doctor before taking it.")
    breastfeeding = fact("Breastfeeding", "It passes into breast milk.")
    driving = fact("Driving", "It can make you too drowsy to drive safely.")
    alcohol = fact("Alcohol", "Do not drink alcohol while taking it.")
    check_first = blocks.ListBlock(
        blocks.CharBlock(label="Condition", max_length=200),
        label="Who should not take it, or should check first",
        default=[],
        help_text="One condition per line, e.g. “Sleep apnoea”.",
    )
    references = CitationKeysBlock(
        help_text="Keys of the references these facts rest on, separated by commas, "
        "e.g. pil-diazepam, uktis-diazepam. Each key must match a reference below the "
        "body.",
    )

    class Meta:
        icon = "doc-full-inverse"
        label = "Medicine facts"
        template = "articles/blocks/medicine_facts.html"
        default_heading = "Taking it safely"
        anchor = "medicine-facts"
        description = (
            "How it is taken, stopping, missed doses, pregnancy, driving, alcohol."
        )
        help_text = "Fill in the facts that apply; each is shown in a fixed order."
        value_class = MedicineFactsValue
        preview_value = {
            "how_to_take": "As tablets, usually for a few days at the lowest dose.",
            "alcohol": "Do not drink alcohol while taking it.",
        }
