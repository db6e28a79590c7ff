"""A post's headings become an article's sections: the known ones typed, the rest rich text.

The table below says which headings name which section. A heading matches a phrase
when it begins with the phrase's words, whatever the case, punctuation or a trailing
colon: "Safety considerations for older people:" matches "safety". The setting
WORDPRESS_SECTION_HEADINGS adds phrases to it, e.g.
``{"safety": ["cautions"], "bottom_line": ["in short"]}``; its phrases are tried first.
A heading that matches nothing, or names a section the article already has, becomes a
rich-text section under its own heading.
"""

import re
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import Truncator

from ..blocks import ArticleStreamBlock
from ..blocks.base import SectionBlock
from .cleaning import take_images
from .rich_text import plain_text, to_rich_text

DEFAULT_SECTION_HEADINGS = {
    "overview": ["overview", "what is", "what it is", "understanding"],
    "efficacy": [
        "efficacy",
        "effectiveness",
        "how well does it work",
        "how well it works",
        "does it work",
        "benefits",
        "evidence",
    ],
    "safety": [
        "safety",
        "side effects",
        "risks",
        "adverse effects",
        "warnings",
    ],
    "alternatives": [
        "alternatives",
        "alternative approaches",
        "alternative treatments",
        "other treatments",
        "other options",
        "what else can help",
    ],
    "deciding": [
        "deciding",
        "individualized treatment",
        "individualised treatment",
        "talking to your doctor",
        "making a decision",
    ],
    "bottom_line": [
        "bottom line",
        "the bottom line",
        "conclusion",
        "conclusions",
        "in conclusion",
        "summary",
        "in summary",
        "key points",
    ],
}
RICH_TEXT = "rich_text"
# The field each typed section's text goes into; the first a block has is used. A
# section with none (Safety's parts are all structured) keeps its text in a rich-text
# section straight after it, with no heading of its own.
PROSE_FIELDS = ("introduction", "what_it_is", "text")
HEADING_MAX = 80
HEADING = re.compile(r"<(h[1-6])>(.*?)</\1>", re.DOTALL)
WORDS = re.compile(r"[^\w]+")


@lru_cache(maxsize=1)
def article_stream():
    return ArticleStreamBlock()


def words(text):
    return " ".join(WORDS.sub(" ", text.lower()).split())


def section_headings():
    """The table in use: the setting's phrases first, then the defaults."""
    extra = getattr(settings, "WORDPRESS_SECTION_HEADINGS", {}) or {}
    stream = article_stream()
    for name in extra:
        block = stream.child_blocks.get(name)
        if name == RICH_TEXT or not isinstance(block, SectionBlock):
            raise ImproperlyConfigured(
                f"WORDPRESS_SECTION_HEADINGS names “{name}”, which is not an article "
                "section. Use one of: " + ", ".join(typed_sections(stream)) + "."
            )
    pairs = [
        (words(phrase), name)
        for table in (extra, DEFAULT_SECTION_HEADINGS)
        for name, phrases in table.items()
        for phrase in phrases
    ]
    return [(phrase, name) for phrase, name in pairs if phrase]


def typed_sections(stream):
    return [
        name
        for name, block in stream.child_blocks.items()
        if isinstance(block, SectionBlock) and name != RICH_TEXT
    ]


def section_for(heading, table):
    """The typed section a heading names, or None."""
    text = words(heading)
    for phrase, name in table:
        if text == phrase or text.startswith(phrase + " "):
            return name
    return None


@dataclass
class Section:
    kind: str  # a block name of ArticleStreamBlock
    heading: str  # as the post wrote it; "" for the text before the first heading
    html: str  # cleaned HTML, image markers taken out
    images: list = field(default_factory=list)  # indexes into Cleaned.images


def split(html, table=None):
    """The post's sections, split at its top heading level (h2 usually)."""
    table = section_headings() if table is None else table
    levels = sorted({int(tag[1]) for tag, _ in HEADING.findall(html)})
    if not levels:
        return [plain_section("", html)] if plain_text(html) else []
    top = f"h{levels[0]}"
    sections, used = [], set()
    parts = re.split(rf"<{top}>(.*?)</{top}>", html, flags=re.DOTALL)
    intro, rest = parts[0], parts[1:]
    if plain_text(intro) or take_images(intro)[1]:
        sections.append(plain_section("", intro))
    for heading_html, body in zip(rest[::2], rest[1::2], strict=True):
        heading = plain_text(heading_html).rstrip(":").strip()
        kind = section_for(heading, table)
        if kind is None or kind in used:
            kind = RICH_TEXT
        used.add(kind)
        section = plain_section(heading, body)
        section.kind = kind
        sections.append(section)
    return sections


def plain_section(heading, html):
    html, images = take_images(html)
    return Section(RICH_TEXT, heading, html, images)


def short_heading(heading):
    return Truncator(heading).chars(HEADING_MAX)


def prose_field(block):
    return next((name for name in PROSE_FIELDS if name in block.child_blocks), None)


def block_data(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def stream_blocks(section, image_blocks=()):
    """Raw StreamField data for one section, followed by its images."""
    stream = article_stream()
    block = stream.child_blocks[section.kind]
    value = {"heading": short_heading(section.heading)}
    name = prose_field(block)
    if name is not None:
        value[name] = to_rich_text(section.html, block.child_blocks[name].features)
        return [block_data(section.kind, value), *image_blocks]
    blocks = [block_data(section.kind, value)]
    text_block = stream.child_blocks[RICH_TEXT].child_blocks["text"]
    if text := to_rich_text(section.html, text_block.features):
        blocks.append(block_data(RICH_TEXT, {"heading": "", "text": text}))
    return [*blocks, *image_blocks]
