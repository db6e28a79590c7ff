"""The words a reader sees in an article, as plain text.

One extractor for search snippets, meta descriptions and the readability panel. It keeps
only blocks that hold prose (char, text and rich text), so a new choice, chooser or code
field adds nothing to snippets until someone decides it should. It reads a stream's raw
JSON, so it never fetches the pages and images that blocks link to.
"""

import re
from collections.abc import Mapping
from html import unescape

from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from .blocks.citations import CitationKeysBlock

# Tags that end a paragraph, heading or list item: the text on either side is separate
# even when the HTML puts no space between them ("seizure (fit).</p><p>Back pain").
BREAK = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)>|<br\s*/?>|<hr\s*/?>", re.I)
SENTENCE_END = (".", "!", "?", "…")
# Codes, not words: citation keys, and images (their alt text describes the picture).
NOT_PROSE = (CitationKeysBlock, ImageBlock)


def _collapse(text):
    return " ".join(text.split())


def html_paragraphs(html):
    """Rich text's paragraphs, headings and list items as plain text, one string each."""
    if isinstance(html, RichText):
        html = html.source
    pieces = (_collapse(unescape(strip_tags(p))) for p in BREAK.split(str(html or "")))
    return [piece for piece in pieces if piece]


def _lines(text):
    return [line for line in (_collapse(t) for t in str(text).splitlines()) if line]


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


def plain_text(value):
    """Rich or plain text as one line, its paragraphs separated by a space."""
    return " ".join(html_paragraphs(value))


def as_sentences(paragraphs):
    """Paragraphs joined into one text, each ending as a sentence."""
    return " ".join(p if p.endswith(SENTENCE_END) else p + "." for p in paragraphs if p)


def article_text(page):
    """An article's summary and body as one text of sentences, without a database query."""
    return as_sentences([_collapse(page.summary or ""), *body_paragraphs(page)])
