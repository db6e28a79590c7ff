"""StructValue classes: the logic block templates need, kept out of the templates."""

from wagtail import blocks

from .choices import (
    ALTERNATIVE_KINDS,
    CALLOUT_KINDS,
    CERTAINTY_CHOICES,
    CERTAINTY_MARKS,
    CERTAINTY_MEANING,
    DIRECTION_CHOICES,
    SEVERITY_CHOICES,
    STRENGTH_CHOICES,
    label_for,
)
from .citations import parse_keys


class CitingValue(blocks.StructValue):
    """A value with a `references` field of citation keys."""

    @property
    def citation_keys(self):
        return parse_keys(self.get("references"))


class GradedValue(CitingValue):
    """A value rated with a GRADE certainty level."""

    @property
    def certainty_label(self):
        return label_for(CERTAINTY_CHOICES, self.get("certainty"))

    @property
    def certainty_meaning(self):
        return CERTAINTY_MEANING.get(self.get("certainty"), "")

    @property
    def certainty_marks(self):
        """Filled and empty marks, e.g. [True, True, False, False] for low."""
        filled = CERTAINTY_MARKS.get(self.get("certainty"), 0)
        return [n < filled for n in range(4)]


class EvidenceValue(GradedValue):
    @property
    def direction_label(self):
        return label_for(DIRECTION_CHOICES, self.get("direction"))


class AlternativeValue(GradedValue):
    @property
    def kind_label(self):
        return label_for(ALTERNATIVE_KINDS, self.get("kind"))

    @property
    def linked_page(self):
        """The linked article, only while it is live."""
        page = self.get("page")
        return page if page is not None and page.live else None


class InteractionValue(CitingValue):
    @property
    def severity_label(self):
        return label_for(SEVERITY_CHOICES, self.get("severity")).split(":")[0]


class CalloutValue(blocks.StructValue):
    @property
    def kind_label(self):
        return label_for(CALLOUT_KINDS, self.get("kind"))


class GuidelineValue(blocks.StructValue):
    @property
    def strength_label(self):
        return label_for(STRENGTH_CHOICES, self.get("strength")).split(" /")[0]


class SectionValue(blocks.StructValue):
    """A top-level body section: its heading and its stable anchor."""

    @property
    def heading_text(self):
        return self.get("heading") or self.block.meta.default_heading

    @property
    def anchor(self):
        return self.block.meta.anchor


class UrgentHelpValue(SectionValue):
    @property
    def has_symptoms(self):
        return bool(self.get("emergency") or self.get("urgent"))


class MedicineFactsValue(CitingValue, SectionValue):
    @property
    def facts(self):
        """(label, text) for each fact given, in the block's own order."""
        return [
            (child.label, self.get(name))
            for name, child in self.block.child_blocks.items()
            if isinstance(child, blocks.TextBlock) and (self.get(name) or "").strip()
        ]


class EfficacySectionValue(SectionValue):
    @property
    def certainty_label(self):
        return label_for(CERTAINTY_CHOICES, self.get("bottom_line_certainty"))
