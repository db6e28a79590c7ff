"""Finding the reader's words in text: query terms, highlighting and snippets."""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"\w+")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
MAX_TERMS = 12
SNIPPET_LENGTH = 220
# Shorter words only match exactly: "a" should not light up every word beginning "a".
MIN_PREFIX = 3


def query_terms(query):
    """The distinct words of a query, case-folded, in the order typed."""
    terms = []
    for word in WORD.findall(query.casefold()):
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def _stem(word):
    for suffix in ("ing", "es", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def matches(word, term):
    """Whether a word of text answers a query term: the same word, a longer form of
    it ("pain" in "painful"), or a plural or -ing/-ed form ("aches" for "ache")."""
    return _folded_matches(word.casefold(), term)


# Ranking asks this of every word of hundreds of titles and summaries, mostly the same
# words over and over: remembering the answers makes that a lookup each.
@functools.lru_cache(maxsize=16384)
def _folded_matches(word, term):
    return (
        word == term
        or (len(term) >= MIN_PREFIX and word.startswith(term))
        or _stem(word) == _stem(term)
    )


def terms_found(text, terms):
    """The query terms that occur in `text`."""
    words = {w.casefold() for w in WORD.findall(text)}
    return {t for t in terms if any(_folded_matches(w, t) for w in words)}


def highlight(text, terms):
    """`text` escaped, with each word that matches a term wrapped in <mark>."""
    parts, last = [], 0
    for found in WORD.finditer(text):
        if any(matches(found.group(), t) for t in terms):
            parts.append(escape(text[last : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            last = found.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped)


def _shorten(sentence, terms, length):
    """Cut a long sentence to about `length` characters around its first match."""
    if len(sentence) <= length:
        return sentence
    first = next(
        (
            m.start()
            for m in WORD.finditer(sentence)
            if any(matches(m.group(), t) for t in terms)
        ),
        0,
    )
    start = max(0, first - length // 3)
    if start:
        # Begin at a word, not halfway through one.
        space = sentence.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = start + length
    if end < len(sentence):
        space = sentence.rfind(" ", start, end)
        end = space if space > first else end
    cut = sentence[start:end].strip()
    return ("… " if start else "") + cut + (" …" if end < len(sentence) else "")


def snippet(texts, terms, length=SNIPPET_LENGTH):
    """The sentence from `texts` that holds the most query terms, highlighted.

    Empty if no sentence holds any.
    """
    best, best_count = "", 0
    for text in texts:
        for sentence in SENTENCE_BREAK.split(text):
            sentence = " ".join(sentence.split())
            count = len(terms_found(sentence, terms))
            if count > best_count:
                best, best_count = sentence, count
                if count == len(terms):
                    return highlight(_shorten(best, terms, length), terms)
    return highlight(_shorten(best, terms, length), terms) if best else ""
