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
    """A body section with a heading in the "On this page" contents.

    Each section names its default heading once, in Meta.default_heading; the heading
    field's help text is made from it.
    """

    heading = heading_block("")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.meta.default_heading:
            heading = heading_block(self.meta.default_heading)
            heading.set_name("heading")
            self.child_blocks["heading"] = heading

    class Meta:
        value_class = SectionValue
        default_heading = ""
        anchor = ""
        form_classname = "struct-block section-block"
