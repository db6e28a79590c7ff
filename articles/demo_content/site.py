"""The home page, the articles index and the topics articles are filed under."""

HOME = {
    "title": "Clear Health",
    "introduction": (
        "<p>Clear Health explains treatments in plain words: what they are, how well "
        "they work, what the risks are and what else might help. Every article shows "
        "the evidence behind it and where that evidence comes from.</p>"
        "<p>This is a demonstration site. Its articles were written from published "
        "sources to show how the site works. They are not medical advice.</p>"
    ),
}

INDEX = {
    "title": "Articles",
    "slug": "articles",
    "introduction": (
        "Plain-language articles about treatments, each with its evidence, its risks "
        "and its references. These are demonstration articles, not medical advice."
    ),
}

# Keyed so articles can name their topics without repeating names.
TOPICS = {
    "back-pain": {
        "name": "Back pain",
        "description": "Pain in the lower back: which treatments help, which do not, "
        "and how sure we can be.",
        # Every back-pain article carries a "Get help urgently" block; publishing
        # refuses one without it.
        "needs_urgent_help": True,
    },
    "pain-relief-medicines": {
        "name": "Pain relief medicines",
        "description": "Medicines used to ease pain, what the evidence says about them "
        "and what they risk.",
    },
    "exercise-and-physical-therapy": {
        "name": "Exercise and physical therapy",
        "description": "Exercise programmes and hands-on treatments, and where they fit "
        "in managing pain.",
    },
}
