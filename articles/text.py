"""The words a reader sees in an article, as plain text.

One extractor for search snippets, meta descriptions and the readability panel. It keeps
only blocks that hold prose (char, text and rich text), so a new choice, chooser or code
field adds nothing to snippets until someone decides it should. It reads a stream's raw
JSON, so it never fetches the pages and images that blocks link to.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.images.blocks import ImageBlock

from home.text import collapse, html_paragraphs, plain_text

from .blocks.citations import CitationKeysBlock

__all__ = [
    "SectionText",
    "article_text",
    "as_sentences",
    "block_text",
    "body_paragraphs",
    "html_paragraphs",
    "plain_text",
    "section_texts",
]

SENTENCE_END = (".", "!", "?", "…")
# Codes, not words: citation keys, and images (their alt text describes the picture).
NOT_PROSE = (CitationKeysBlock, ImageBlock)


def _lines(text):
    return [line for line in (collapse(t) for t in str(text).splitlines()) if line]


def _is_list_item(raw):
    """A stored ListBlock item in Wagtail's format: {"type": "item", "value": …, "id": …}."""
    return isinstance(raw, Mapping) and raw.get("type") == "item" and "value" in raw


def _walk(block, value):
    if value is None or isinstance(block, NOT_PROSE):
        return
    if isinstance(block, blocks.StreamBlock):
        items = value.raw_data if isinstance(value, StreamValue) else value
        for item in items:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from _walk(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            if not isinstance(value, ListValue) and _is_list_item(item):
                item = item["value"]
            yield from _walk(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(value, Mapping):
            for name, child in block.child_blocks.items():
                yield from _walk(child, value.get(name))
    elif isinstance(block, blocks.RichTextBlock):
        yield from html_paragraphs(value)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield from _lines(value)


def block_text(block, value):
    """The paragraphs a reader sees in `value`, stored (raw JSON) or as Python values.

    Choice fields, citation keys, ids, images and linked pages give nothing.
    """
    return list(_walk(block, value))


def body_paragraphs(page):
    """The paragraphs of an article's body, without a database query."""
    body = page.body
    if not isinstance(body, StreamValue):
        return []
    return block_text(body.stream_block, body)


@dataclass
class SectionText:
    """One top-level body section: the heading a reader sees and its prose."""

    heading: str
    paragraphs: list


def section_texts(page):
    """Each body section's heading and prose (its heading left out), without a query."""
    body = page.body
    if not isinstance(body, StreamValue):
        return []
    sections = []
    for item in body.raw_data:
        block = body.stream_block.child_blocks.get(item.get("type"))
        if block is None:
            continue
        value = item.get("value")
        heading = value.get("heading") if isinstance(value, Mapping) else ""
        if isinstance(block, blocks.StructBlock) and isinstance(value, Mapping):
            value = {name: v for name, v in value.items() if name != "heading"}
        sections.append(
            SectionText(
                heading=collapse(heading or "")
                or getattr(block.meta, "default_heading", "")
                or str(block.label),
                paragraphs=block_text(block, value),
            )
        )
    return sections


def as_sentences(paragraphs):
    """Paragraphs joined into one text, each ending as a sentence."""
    return " ".join(p if p.endswith(SENTENCE_END) else p + "." for p in paragraphs if p)


def article_text(page):
    """An article's summary and body as one text of sentences, without a database query."""
    return as_sentences([collapse(page.summary or ""), *body_paragraphs(page)])
