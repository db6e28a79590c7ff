"""Help when nothing matched: a corrected query ("did you mean") and close topics."""

import difflib

from .highlight import terms_found
from .ranking import any_match
from .vocabulary import corrections, visible_topics


def close_topics(topics, terms, corrected):
    """Topics whose name or other names hold the (corrected) words, or resemble the query.

    A topic's other names ("lumbago" for Back pain) lead to its articles this way.
    """
    query = " ".join(terms)
    found = []
    for topic in topics:
        names = [topic.name, *topic.other_names_list]
        if any(terms_found(name, corrected) for name in names) or any(
            difflib.get_close_matches(query, [name.casefold()], cutoff=0.6)
            for name in names
        ):
            found.append(topic)
    return found


def hints(live, terms):
    """A corrected query and topics whose names are close to the words.

    Only asked for when nothing matched, so its queries cost nothing otherwise; a fixed
    number of them however many articles there are, none reading every article.
    """
    topics = list(visible_topics(live))
    known = corrections(terms, live, topics=topics)
    corrected = [known.get(t, t) for t in terms]
    suggestion = " ".join(corrected) if corrected != terms else ""
    if suggestion and not any_match(live, suggestion):
        suggestion = ""
    return suggestion, close_topics(topics, terms, corrected)
