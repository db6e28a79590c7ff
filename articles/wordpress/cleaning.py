"""A post's HTML made safe and plain: what WordPress adds is removed, and counted.

`clean_html()` drops scripts, styles, inline event handlers, forms, iframes from
unknown hosts and shortcodes, unwraps the block editor's markup, and leaves headings,
paragraphs, lists, links and emphasis. Images are taken out and stood in for by a
placeholder, so each lands after the section it was in. rich_text.py then
turns the result into Wagtail rich text.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings

# Hosts whose embedded players become a plain link to the video; other iframes go.
DEFAULT_IFRAME_HOSTS = (
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
)
# What each count in the report means, in the order the report lists them.
DROPPED_LABELS = {
    "script": "scripts",
    "style": "style sheets",
    "handler": "inline event handlers (onclick and the like)",
    "iframe": "iframes from unknown hosts",
    "iframe_link": "embedded videos turned into links",
    "form": "forms, objects and embeds",
    "unsafe_link": "links with unsafe addresses (kept as text)",
    "shortcode": "shortcodes",
    "caption": "[caption] shortcodes (caption kept as text)",
    "block_comment": "block-editor comments",
    "more": "<!--more--> and <!--nextpage--> markers",
}
DROPPED_WITH_CONTENT = {
    "script": "script",
    "style": "style",
    "noscript": "script",
    "template": "script",
    "object": "form",
    "embed": "form",
    "applet": "form",
    "form": "form",
    "select": "form",
    "textarea": "form",
    "button": "form",
    "svg": "form",
    "math": "form",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
KEPT = {"p", "br", "ul", "ol", "li", "a", "strong", "b", "em", "i", *HEADINGS}
# Blocks of their own in the rich text: each becomes a paragraph.
PARAGRAPH_LIKE = {
    "blockquote",
    "pre",
    "figcaption",
    "td",
    "th",
    "dt",
    "dd",
    "address",
    "summary",
}
BLOCK_START = re.compile(
    r"<(p|h[1-6]|ul|ol|li|blockquote|div|figure|table|pre|hr|section|iframe|script|style)\b",
    re.IGNORECASE,
)
PARAGRAPH_TAG = re.compile(r"<p[\s>]", re.IGNORECASE)
COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
SHORTCODE = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)(\s[^\[\]]*)?\]", re.IGNORECASE)
KNOWN_SHORTCODES = {
    "caption",
    "gallery",
    "embed",
    "video",
    "audio",
    "playlist",
    "wp_caption",
}
BLANK_LINE = re.compile(r"\n\s*\n")
IMAGE_MARKER = '<wp-image data-index="{}"></wp-image>'
IMAGE_MARKERS = re.compile(r'<wp-image data-index="(\d+)"></wp-image>')
SAFE_SCHEMES = {"http", "https", "mailto", ""}


@dataclass
class ImageRef:
    src: str
    alt: str = ""
    attachment_id: int | None = None  # from the editor's wp-image-N class


@dataclass
class Cleaned:
    html: str
    images: list = field(default_factory=list)  # ImageRef, indexed by their markers
    dropped: Counter = field(default_factory=Counter)


def iframe_hosts():
    return tuple(getattr(settings, "WORDPRESS_IFRAME_HOSTS", DEFAULT_IFRAME_HOSTS))


def host_allowed(url, hosts):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in hosts)


def safe_href(href):
    href = (href or "").strip()
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    return href if href and scheme in SAFE_SCHEMES else None


def strip_comments(html, dropped):
    def replace(match):
        inner = match.group(1).strip()
        if inner.startswith(("wp:", "/wp:")):
            dropped["block_comment"] += 1
        elif inner.split(" ")[0] in ("more", "nextpage", "noteaser"):
            dropped["more"] += 1
        return ""

    return COMMENT.sub(replace, html)


def strip_shortcodes(html, dropped):
    """Remove shortcode tags, keeping what they enclose (a caption's text, say).

    WordPress runs only the shortcodes a site registered, so prose in brackets
    ("[sic]") is left alone: a tag is taken for a shortcode if it is a known one, has
    attributes, or is closed further on.
    """
    closed = {m.group(2).lower() for m in SHORTCODE.finditer(html) if m.group(1)}

    def replace(match):
        closing, name, attributes = match.groups()
        name = name.lower()
        if not (
            name in KNOWN_SHORTCODES
            or name in closed
            or (attributes and "=" in attributes)
        ):
            return match.group(0)
        if not closing:
            dropped[
                "caption" if name in ("caption", "wp_caption") else "shortcode"
            ] += 1
        return ""

    return SHORTCODE.sub(replace, html)


def autop(html):
    """Classic-editor posts keep paragraphs as blank lines: make them <p>, as WordPress does.

    Block-editor posts and hand-written HTML already have their <p>s, and are left alone.
    """
    if PARAGRAPH_TAG.search(html):
        return html
    chunks = [c.strip() for c in BLANK_LINE.split(html.replace("\r\n", "\n"))]
    return "".join(
        chunk
        if BLOCK_START.match(chunk)
        else "<p>{}</p>".format(chunk.replace("\n", "<br>"))
        for chunk in chunks
        if chunk
    )


class Sanitiser(HTMLParser):
    """Rebuilds the HTML from what is allowed; counts what it leaves out."""

    def __init__(self, hosts):
        super().__init__(convert_charrefs=True)
        self.hosts = hosts
        self.out = []
        self.images = []
        self.dropped = Counter()
        self.skipping = []  # open elements whose content is dropped
        self.open_links = []  # whether each open <a> was kept
        self.heading = None  # the open heading's tag, if any

    def handle_starttag(self, tag, attrs):
        self.start(tag, dict(attrs), attrs)

    def handle_startendtag(self, tag, attrs):
        skipping = len(self.skipping)
        self.start(tag, dict(attrs), attrs)
        del self.skipping[skipping:]  # <iframe/> has no content to skip

    def start(self, tag, attributes, pairs):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.append(tag)
            return
        self.dropped["handler"] += sum(
            1 for name, _ in pairs if name.lower().startswith("on")
        )
        if tag in DROPPED_WITH_CONTENT:
            self.dropped[DROPPED_WITH_CONTENT[tag]] += 1
            self.skipping.append(tag)
        elif tag == "iframe":
            self.iframe(attributes.get("src", ""))
            self.skipping.append(tag)
        elif tag == "img":
            self.image(attributes)
        elif tag in HEADINGS:
            # Headings start sections: never nested in what the splitter reads.
            self.heading = tag
            self.out.append(f"<{tag}>")
        elif tag == "a":
            href = safe_href(attributes.get("href"))
            if attributes.get("href") and href is None:
                self.dropped["unsafe_link"] += 1
            self.open_links.append(href is not None)
            if href is not None:
                self.out.append(f'<a href="{escape(href)}">')
        elif tag in KEPT:
            self.out.append(f"<{tag}>")
        elif tag in PARAGRAPH_LIKE:
            self.out.append("<p>")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in HEADINGS and self.heading:
            self.out.append(f"</{self.heading}>")
            self.heading = None
        elif tag == "a":
            if self.open_links and self.open_links.pop():
                self.out.append("</a>")
        elif tag in KEPT and tag != "br":
            self.out.append(f"</{tag}>")
        elif tag in PARAGRAPH_LIKE:
            self.out.append("</p>")

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def iframe(self, src):
        if src and host_allowed(src, self.hosts) and safe_href(src):
            self.dropped["iframe_link"] += 1
            self.out.append(f'<p><a href="{escape(src)}">Video: {escape(src)}</a></p>')
        else:
            self.dropped["iframe"] += 1

    def image(self, attributes):
        found = re.search(r"\bwp-image-(\d+)\b", attributes.get("class", ""))
        self.out.append(IMAGE_MARKER.format(len(self.images)))
        self.images.append(
            ImageRef(
                src=(attributes.get("src") or "").strip(),
                alt=(attributes.get("alt") or "").strip(),
                attachment_id=int(found.group(1)) if found else None,
            )
        )


def clean_html(html, hosts=None):
    """The post's HTML, safe and plain, with its images taken out (see the module)."""
    dropped = Counter()
    html = strip_comments(html or "", dropped)
    html = strip_shortcodes(html, dropped)
    sanitiser = Sanitiser(iframe_hosts() if hosts is None else hosts)
    sanitiser.feed(autop(html))
    sanitiser.close()
    dropped.update(sanitiser.dropped)
    return Cleaned("".join(sanitiser.out), sanitiser.images, +dropped)


def take_images(html):
    """(html without image markers, the marker indexes in order)."""
    indexes = [int(i) for i in IMAGE_MARKERS.findall(html)]
    return IMAGE_MARKERS.sub("", html), indexes
