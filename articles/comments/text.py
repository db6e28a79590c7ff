"""Reader comments are plain text: shown as paragraphs with their web addresses linked."""

import re

import nh3

from django.utils.html import urlize
from django.utils.safestring import mark_safe

LINK_REL = "nofollow ugc noopener"
# Controls that reorder or hide text (bidi overrides, zero-width marks) can make a
# comment or a name read differently from what it holds; no reader needs them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
URL_DISPLAY_LIMIT = 60


def clean_plain_text(value):
    """Unix newlines, no invisible control characters, no surrounding space."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return INVISIBLE.sub("", value).strip()


def comment_html(value):
    """Plain comment text as <p>, <br> and <a href rel> only; everything else escaped."""
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(clean_plain_text(value))]
    html = "".join(
        # urlize escapes the text around the links it makes.
        "<p>{}</p>".format(
            urlize(p, trim_url_limit=URL_DISPLAY_LIMIT, autoescape=True).replace(
                "\n", "<br>"
            )
        )
        for p in paragraphs
        if p
    )
    # A second, independent guard: whatever urlize produced, only these survive.
    return mark_safe(  # noqa: S308
        nh3.clean(
            html,
            tags={"p", "br", "a"},
            attributes={"a": {"href"}},
            link_rel=LINK_REL,
            url_schemes={"http", "https", "mailto"},
        )
    )


def count_links(value):
    """How many links the comment shows once published."""
    return str(comment_html(value)).count("<a ")


def web_url(value):
    """A commenter's website, only if it is an ordinary web address."""
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]", value, re.IGNORECASE) else ""
