"""Choice blocks that revision comparison shows by label ("Low certainty"), not stored value."""

from django.utils.encoding import force_str
from django.utils.html import escape

from wagtail import blocks
from wagtail.admin.compare import BlockComparison, TextDiff


def choice_label(block, value):
    """The label editors picked for `value`, or the value itself if it is no longer a choice."""
    for key, label in block.field.choices:
        # Named groups hold their own (value, label) pairs.
        options = label if isinstance(label, (list, tuple)) else [(key, label)]
        for option, option_label in options:
            if force_str(option) == force_str(value):
                return force_str(option_label)
    return force_str(value or "")


class ChoiceBlockComparison(BlockComparison):
    def htmlvalue(self, val):
        return escape(choice_label(self.block, val))

    def htmldiff(self):
        before = choice_label(self.block, self.val_a)
        after = choice_label(self.block, self.val_b)
        if self.val_a == self.val_b:
            return escape(after)
        # A choice is replaced whole: a word-level diff of "Very low" -> "Low" misleads.
        changes = [("deletion", before)] if before else []
        changes += [("addition", after)] if after else []
        return TextDiff(changes, separator=" ").to_html()


class LabelledChoiceBlock(blocks.ChoiceBlock):
    """A ChoiceBlock; deconstructs as Wagtail's own, so migrations do not change."""

    def get_comparison_class(self):
        return ChoiceBlockComparison
