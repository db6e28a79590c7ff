"""Cleaning what readers type into the search box."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Printable text, whitespace collapsed, cut to a length the backend handles well."""
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in (raw or "")
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
