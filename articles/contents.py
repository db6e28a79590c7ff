"""What the article page derives from its body: the contents list and the citations."""

from dataclasses import dataclass, field

from django.utils.functional import cached_property

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue

from .blocks import URGENT_HELP


@dataclass
class Section:
    anchor: str
    heading: str
    block: object


def body_sections(body):
    """Top-level blocks with their anchors; anchors stay unique even if headings repeat."""
    sections, used = [], set()
    for block in body:
        value = block.value
        heading = getattr(value, "heading_text", "")
        anchor = getattr(value, "anchor", "") or ""
        if anchor:
            base, n = anchor, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
        sections.append(Section(anchor=anchor, heading=heading, block=block))
    return sections


class ArticleContentsMixin:
    """An article's sections, its "On this page" list and its citation numbers."""

    @cached_property
    def sections(self):
        return body_sections(self.body)

    @cached_property
    def urgent_help(self):
        """The "Get help urgently" section, shown first wherever it sits in the body."""
        return next(
            (s for s in self.sections if s.block.block_type == URGENT_HELP), None
        )

    @cached_property
    def reading_sections(self):
        """The sections below the header, in the editor's order: all but urgent help."""
        return [s for s in self.sections if s is not self.urgent_help]

    @cached_property
    def contents(self):
        return [s for s in self.reading_sections if s.anchor and s.heading]

    @cached_property
    def citation_index(self):
        return CitationIndex(self.references.all(), self.body)


@dataclass
class Citation:
    number: int
    key: str
    anchor: str


@dataclass
class CitedReference:
    number: int
    reference: object
    backlinks: list = field(default_factory=list)


class CitationIndex:
    """Numbers references in list order and finds, in reading order, where each is cited."""

    def __init__(self, references, body=()):
        self.entries = {
            ref.key: CitedReference(number=n, reference=ref)
            for n, ref in enumerate(references, start=1)
        }
        self._by_item = {}
        for site, item in enumerate(citing_items(body), start=1):
            self._by_item[id(item)] = self._cite(item.citation_keys, site)

    def _cite(self, keys, site):
        citations = []
        for key in dict.fromkeys(keys):
            entry = self.entries.get(key)
            if entry is None:  # refused on publish; a draft preview just leaves it out
                continue
            anchor = f"cite-{site}-{key}"
            entry.backlinks.append(anchor)
            citations.append(Citation(number=entry.number, key=key, anchor=anchor))
        return sorted(citations, key=lambda c: c.number)

    def citations_for(self, item):
        return self._by_item.get(id(item), [])

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self):
        return len(self.entries)


def citing_items(value):
    """Every value with citation keys inside a body, depth first, in reading order."""
    if hasattr(value, "citation_keys"):
        yield value
    if isinstance(value, StructValue):
        children = value.values()
    elif isinstance(value, ListValue | StreamValue):
        children = value
    else:
        return
    for child in children:
        yield from citing_items(getattr(child, "value", child))
