"""Cleaned HTML as Wagtail rich text, through Wagtail's own converter.

The HTML goes through Draftail's contentstate converter both ways, for the features
of the field it is written into, so the editor opens it exactly as it would its own
text: nothing it could not show, nothing it would change on the first save.
"""

import re
from functools import lru_cache
from html.parser import HTMLParser

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from .cleaning import HEADINGS

EMPTY_PARAGRAPH = re.compile(r'<p data-block-key="[^"]*">\s*</p>')


@lru_cache(maxsize=8)
def converter(features):
    return ContentstateConverter(list(features))


def heading_level(level, allowed):
    """The field's own heading for an <hN>: the nearest it has at or below N."""
    deeper = [n for n in allowed if n >= level]
    if deeper:
        return min(deeper)
    return max(allowed) if allowed else None


def to_rich_text(html, features):
    """Wagtail rich text for a field with these Draftail features; "" if no text."""
    features = tuple(features)
    allowed = sorted(int(f[1]) for f in features if f in HEADINGS)

    def heading(match):
        level = heading_level(int(match.group(1)[1]), allowed)
        text = match.group(2)
        return f"<h{level}>{text}</h{level}>" if level else f"<p><b>{text}</b></p>"

    html = re.sub(r"<(h[1-6])>(.*?)</\1>", heading, html, flags=re.DOTALL)
    convert = converter(features)
    result = convert.to_database_format(convert.from_database_format(html))
    return EMPTY_PARAGRAPH.sub("", result).strip()


def plain_text(html):
    """The text of some HTML, tags dropped and entities read, spaces collapsed."""
    parser = _TextOnly()
    parser.feed(html or "")
    parser.close()
    return " ".join("".join(parser.parts).split())


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "br", "li", *HEADINGS):
            self.parts.append(" ")
