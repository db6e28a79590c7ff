"""Readability guidance for editors, shown in the article editor."""

import re
from dataclasses import dataclass
from html import unescape

from textstat.textstat import textstatistics

from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.admin.panels import Panel

from .blocks.citations import CitationKeysBlock

TARGET_SCORE = 60
LONG_SENTENCE = 20

# Flesch's own bands, in plain words.
BANDS = [
    (90, "Very easy"),
    (80, "Easy"),
    (70, "Fairly easy"),
    (60, "Plain English"),
    (50, "Fairly difficult"),
    (30, "Difficult"),
]

# Paragraphs, list items and line breaks end a sentence even without a full stop.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
SENTENCE_END = (".", "!", "?", "…")


def band(score):
    for floor, label in BANDS:
        if score >= floor:
            return label
    return "Very difficult"


def _textstat():
    stats = textstatistics()
    stats.set_lang("en_GB")
    return stats


def _raw_fragments(block, raw):
    """Prose in a block's raw JSON value; choices, keys, images and links to pages skipped."""
    if raw in (None, ""):
        return
    if isinstance(block, blocks.StreamBlock):
        for item in raw:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from _raw_fragments(child, item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            if (
                isinstance(item, dict)
                and item.get("type") == "item"
                and "value" in item
            ):
                item = item["value"]
            yield from _raw_fragments(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _raw_fragments(child, raw.get(name))
    elif isinstance(block, blocks.RichTextBlock):
        yield from unescape(strip_tags(BLOCK_END.sub("\n", raw))).splitlines()
    elif isinstance(block, CitationKeysBlock):
        return
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield from str(raw).splitlines()


def article_text(page):
    """The summary and body of `page` as plain sentences, without a database query."""
    fragments = [page.summary or ""]
    body = page.body
    raw = getattr(body, "raw_data", None)
    if raw is not None:
        stream_block = type(page)._meta.get_field("body").stream_block
        fragments.extend(_raw_fragments(stream_block, list(raw)))
    sentences = []
    for fragment in fragments:
        fragment = " ".join(fragment.split())
        if fragment:
            ends = fragment.endswith(SENTENCE_END)
            sentences.append(fragment if ends else fragment + ".")
    return " ".join(sentences)


@dataclass
class Readability:
    score: float
    band: str
    words: int
    words_per_sentence: float

    @property
    def hints(self):
        hints = []
        if self.score < TARGET_SCORE:
            hints.append(
                f"Aim for {TARGET_SCORE} or more; shorter sentences and everyday "
                "words help."
            )
        if self.words_per_sentence > LONG_SENTENCE:
            hints.append(
                f"Sentences average more than {LONG_SENTENCE} words: split the "
                "longest ones."
            )
        return hints or ["Most adults can read this easily. Keep it that way."]


def measure(text):
    """Reading ease of `text`, or None when there is nothing to measure."""
    stats = _textstat()
    words = stats.lexicon_count(text)
    if not words:
        return None
    score = stats.flesch_reading_ease(text)
    return Readability(
        score=round(score),
        band=band(score),
        words=words,
        words_per_sentence=round(stats.words_per_sentence(text), 1),
    )


class ReadabilityPanel(Panel):
    """Reading ease of the saved article, as guidance; never a gate."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Readability")
        kwargs.setdefault(
            "help_text",
            "Flesch reading ease of the summary and body, as last saved. Guidance "
            "only: it does not stop publishing. It updates when the draft is saved "
            "and the editor is reloaded.",
        )
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = (
                measure(article_text(self.instance)) if self.instance else None
            )
            context["target_score"] = TARGET_SCORE
            return context
