"""Help when nothing matched: a corrected query ("did you mean") and close topics."""

import difflib

from articles.models import Topic

from .highlight import MIN_PREFIX, WORD, terms_found


def correct(term, vocabulary):
    """The known word a reader probably meant: a misspelling's closest match, or the
    shortest word an unfinished one begins ("diaz" for "diazepam")."""
    close = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
    if close:
        return close[0]
    if len(term) >= MIN_PREFIX:
        longer = [w for w in vocabulary if w.startswith(term)]
        if longer:
            return min(longer, key=lambda w: (len(w), w))
    return term


def hints(live, terms):
    """A corrected query and topics whose names are close to the words.

    Only asked for when nothing matched, so its queries cost nothing otherwise.
    """
    topics = list(Topic.objects.filter(articlepage__in=live).distinct())
    vocabulary = set()
    for title, summary in live.values_list("title", "summary"):
        vocabulary.update(w for w in WORD.findall(f"{title} {summary}".casefold()))
    for topic in topics:
        vocabulary.update(WORD.findall(topic.name.casefold()))
    known = {w for w in vocabulary if len(w) > 2 and not w.isdigit()}
    vocabulary = sorted(known)  # difflib's choice between equals follows this order
    corrected = [t if t in known else correct(t, vocabulary) for t in terms]
    suggestion = " ".join(corrected) if corrected != terms else ""
    if suggestion and not live.search(suggestion, operator="and").count():
        suggestion = ""
    close_topics = [
        t
        for t in topics
        if terms_found(t.name, corrected)
        or difflib.get_close_matches(" ".join(terms), [t.name.casefold()], cutoff=0.6)
    ]
    return suggestion, close_topics
