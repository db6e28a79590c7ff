"""Cleaning what readers type into a search box: the site search and the API's ?search=."""

import unicodedata

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Printable text, whitespace collapsed, cut to a length the backend handles well.

    Double quotes go too: the SQLite full-text backend wraps terms in unescaped quotes.
    """
    text = "".join(
        " " if ch == '"' or unicodedata.category(ch)[0] == "C" else ch
        for ch in (raw or "")
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()
