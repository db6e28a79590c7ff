"""General-purpose blocks an article may use anywhere, as often as it needs."""

from django.utils.text import slugify

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .base import PROSE_FEATURES, SectionBlock
from .choices import CALLOUT_KINDS
from .comparison import LabelledChoiceBlock
from .values import CalloutValue, SectionValue


class HeadingAnchorValue(SectionValue):
    """General sections take their anchor from their heading; none without one."""

    @property
    def heading_text(self):
        return self.get("heading") or ""

    @property
    def anchor(self):
        return slugify(self.heading_text, allow_unicode=True)


class RichTextSectionBlock(SectionBlock):
    heading = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Optional. With a heading, the text appears in “On this page”.",
    )
    text = blocks.RichTextBlock(
        features=[*PROSE_FEATURES, "h3"],
        help_text="e.g. “Most back pain settles within six weeks.”",
    )

    class Meta:
        icon = "pilcrow"
        label = "Rich text"
        template = "articles/blocks/rich_text_section.html"
        value_class = HeadingAnchorValue
        description = "Paragraphs of text, with an optional heading."
        help_text = "Use for anything the structured sections do not cover."
        preview_value = {
            "heading": "",
            "text": "<p>Most back pain settles within weeks.</p>",
        }
        group = "General"


class CalloutBlock(blocks.StructBlock):
    kind = LabelledChoiceBlock(choices=CALLOUT_KINDS, default="info")
    title = blocks.CharBlock(max_length=120, help_text="e.g. “Get help urgently if…”.")
    text = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        help_text="e.g. “Call 999 if you lose control of your bladder or bowel.”",
    )

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "articles/blocks/callout.html"
        value_class = CalloutValue
        description = "A boxed note: information, a tip or a warning."
        help_text = "Use sparingly, for what a reader must not miss."
        preview_value = {
            "kind": "warning",
            "title": "Get help urgently if…",
            "text": "<p>you have numbness around your bottom or genitals.</p>",
        }
        group = "General"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, help_text="e.g. “Can I drive?”")
    answer = blocks.RichTextBlock(
        features=PROSE_FEATURES,
        help_text="e.g. “Not until you know how it affects you.”",
    )

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(SectionBlock):
    heading = blocks.CharBlock(
        max_length=80,
        default="Questions people ask",
        help_text="e.g. “Common questions”.",
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        label = "FAQ"
        template = "articles/blocks/faq.html"
        value_class = HeadingAnchorValue
        description = "Questions and answers."
        help_text = "Questions readers ask, each with a short answer."
        preview_value = {
            "heading": "Questions people ask",
            "questions": [
                {
                    "question": "Can I drive?",
                    "answer": "<p>Not until you know how it affects you.</p>",
                }
            ],
        }
        group = "General"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text="Alt text describes the picture for people who cannot see it, "
        "e.g. “A physiotherapist guiding a stretch”."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "articles/blocks/image.html"
        description = "An image with alt text and an optional caption."
        help_text = "Choose an image, then describe it in the alt text."
        preview_value = {"caption": "A physiotherapist guiding a stretch."}
        group = "General"
