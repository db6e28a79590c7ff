"""Rich or plain text as the words a reader sees, for descriptions and snippets."""

import re
from html import unescape

from django.utils.html import strip_tags

from wagtail.rich_text import RichText

# Tags that end a paragraph, heading or list item: the text on either side is separate
# even when the HTML puts no space between them ("seizure (fit).</p><p>Back pain").
BREAK = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)>|<br\s*/?>|<hr\s*/?>", re.I)


def collapse(text):
    """Runs of white space as one space."""
    return " ".join(text.split())


def html_paragraphs(html):
    """Rich text's paragraphs, headings and list items as plain text, one string each."""
    if isinstance(html, RichText):
        html = html.source
    pieces = (collapse(unescape(strip_tags(p))) for p in BREAK.split(str(html or "")))
    return [piece for piece in pieces if piece]


def plain_text(value):
    """Rich or plain text as one line, its paragraphs separated by a space."""
    return " ".join(html_paragraphs(value))
