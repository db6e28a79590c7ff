"""Reading rendered pages the way a reader's browser would."""

import re

from wagtail.test.utils import WagtailTestUtils


def parse(markup):
    return WagtailTestUtils.get_soup(markup)


def soup(response):
    assert response.status_code == 200, response.status_code
    return parse(response.content.decode())


def text(element):
    """Visible text with whitespace collapsed."""
    return " ".join(element.get_text().split())


def heading_levels(document):
    return [int(h.name[1]) for h in document.find_all(re.compile(r"^h[1-6]$"))]


def skipped_levels(levels):
    """Pairs of consecutive headings where the outline jumps down more than one level."""
    return [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
