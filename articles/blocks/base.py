"""The base every top-level body section shares: an optional heading and a stable anchor."""

from wagtail import blocks

from .values import SectionValue

# Rich text in sections: enough for prose, nothing that fights the page's own structure.
PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def heading_block(default):
    return blocks.CharBlock(
        required=False,
        max_length=80,
        help_text=f'Leave blank to use "{default}".',
    )


class SectionBlock(blocks.StructBlock):
    """A body section with a heading in the "On this page" contents."""

    class Meta:
        value_class = SectionValue
        default_heading = ""
        anchor = ""
        form_classname = "struct-block section-block"
