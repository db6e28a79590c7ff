"""Opening a WordPress export safely: UTF-8, well-formed, no entities, and WXR.

defusedxml refuses entity declarations and external references, so neither an entity
"bomb" nor a reference to a local file gets past the parser. Every problem becomes a
WXRError whose message an editor can act on.
"""

import codecs
import re
from functools import lru_cache
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import errors as expat_errors

from defusedxml import DefusedXmlException, ElementTree

CHUNK_BYTES = 64 * 1024
NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WXR_PREFIX = "http://wordpress.org/export/"
# Parser errors that mean the text stopped before the document did.
CUT_SHORT = {
    expat_errors.codes[message]
    for message in (
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
    )
}
DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([\w.:-]+)["']""")
AGAIN = "Export the site again from WordPress (Tools › Export › All content)."


class WXRError(Exception):
    """The file cannot be imported at all; the message says why, for an editor."""


class CheckedUTF8:
    """A binary file that refuses, with the byte offset, anything that is not UTF-8."""

    def __init__(self, handle):
        self.handle = handle
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.offset = 0

    def read(self, size=CHUNK_BYTES):
        data = self.handle.read(size)
        try:
            self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise WXRError(
                f"This file is not UTF-8 text (at byte {self.offset + error.start:,}), "
                f"so it is not a WordPress export as WordPress writes it. {AGAIN}"
            ) from None
        self.offset += len(data)
        return data


@lru_cache(maxsize=256)
def local_name(tag):
    """A tag with its usual prefix: "{http://wordpress.org/export/1.2/}id" → "wp:id"."""
    if not tag.startswith("{"):
        return tag
    uri, _, name = tag[1:].partition("}")
    if uri.startswith(WXR_PREFIX):
        prefix = "excerpt" if uri.rstrip("/").endswith("excerpt") else "wp"
    else:
        prefix = NAMESPACES.get(uri, "other")
    return f"{prefix}:{name}"


def check_encoding(handle):
    head = handle.read(1024)
    handle.seek(0)
    if not head.strip():
        raise WXRError(f"This file is empty. {AGAIN}")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise WXRError(f"This file is UTF-16 text, not UTF-8. {AGAIN}")
    declared = DECLARED_ENCODING.match(head)
    if declared and declared.group(1).decode().lower().replace("_", "-") not in (
        "utf-8",
        "utf8",
    ):
        raise WXRError(
            f"This file says it is written in {declared.group(1).decode()}, not "
            f"UTF-8, as WordPress exports are. {AGAIN}"
        )


def events(path):
    """(event, element) pairs from a checked, safely parsed file; WXRError otherwise."""
    with open(path, "rb") as handle:
        check_encoding(handle)
        source = CheckedUTF8(handle)
        try:
            yield from ElementTree.iterparse(source, events=("start", "end"))
        except DefusedXmlException as error:
            raise WXRError(
                "This file declares XML entities or points at outside resources, which "
                f"a WordPress export never does; it was refused for safety ({error}). "
                f"{AGAIN}"
            ) from None
        except ParseError as error:
            line, column = error.position
            if error.code in CUT_SHORT:
                raise WXRError(
                    f"The file ends before the export does (line {line:,}): it looks "
                    "cut short. Download or upload it again."
                ) from None
            raise WXRError(
                f"This file is not well-formed XML (line {line:,}, column {column}: "
                f"{expat_errors.messages[error.code]}). {AGAIN}"
            ) from None


def wxr_elements(path):
    """The children of <channel> as each ends, after checking the file is WXR."""
    depth, channel, root_seen = 0, None, False
    for event, element in events(path):
        if event == "start":
            depth += 1
            if not root_seen:
                root_seen = True
                if element.tag != "rss":
                    raise WXRError(
                        "This XML file is not a WordPress export (WXR): it starts "
                        f"with <{local_name(element.tag)}>, not an RSS feed. {AGAIN}"
                    )
            elif depth == 2 and element.tag == "channel":
                channel = element
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            yield element
            # Read and done with: dropped so the tree never grows.
            element.clear()
            channel.remove(element)
