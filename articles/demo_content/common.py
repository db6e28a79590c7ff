"""Pieces every demo article shares."""

DEMO_CALLOUT = {
    "type": "callout",
    "value": {
        "kind": "info",
        "title": "Demonstration content",
        "text": (
            "<p>This article shows how Clear Health presents a treatment. We wrote it "
            "for demonstration, from the published sources listed at the end. It is "
            "not medical advice. Talk to a health professional about your own care.</p>"
        ),
    },
}

# Alternatives that several articles offer. "page" holds the slug of another demo
# article; the loader swaps in its id.
EXERCISE_OPTION = {
    "name": "An exercise programme",
    "kind": "therapy",
    "evidence": "NICE recommends exercise programmes for people with low back pain.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": "exercise-therapy-for-back-pain",
}

NSAID_OPTION = {
    "name": "Anti-inflammatory painkillers (NSAIDs)",
    "kind": "medicine",
    "evidence": "NICE suggests an NSAID taken by mouth, at the lowest dose that works "
    "for the shortest time. A prescriber or pharmacist checks first that it is safe "
    "for you.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": "nsaids-for-back-pain",
}

ALONGSIDE_EXERCISE_OPTION = {
    "name": "Manual or psychological therapy, alongside exercise",
    "kind": "therapy",
    "evidence": "NICE suggests hands-on treatment (manual therapy) or a psychological "
    "approach such as cognitive behavioural therapy (CBT), but only together with "
    "exercise, as part of a package of care.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": None,
}
