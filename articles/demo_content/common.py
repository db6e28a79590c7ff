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

# Where the editorial policy explains the certainty ratings (see editorial.py).
RATING_ANCHOR = "how-we-rate-evidence"
RATING_LINK = f'<a href="/editorial-policy/#{RATING_ANCHOR}">How we rate evidence</a>'
RATING_NOTE = (
    "<p>Each finding has a certainty rating: high, moderate, low or very low. It is "
    "our editors' rating of how sure the evidence is. "
    f"{RATING_LINK} explains what each rating means.</p>"
)

# Red flags for back pain, from the NHS physiotherapy page of the Northern Trust (the
# 999 list, and fever for an urgent GP visit) and the NHS Gloucestershire red-flag
# pathway (bowel control, chills and shivering, a past cancer).
BACK_PAIN_EMERGENCY = [
    "you have weakness or numbness in both legs that is severe or getting worse",
    "you have numbness around or under your genitals, or around your bottom (anus)",
    "you cannot control when you pee or poo",
    "your back pain started after a major injury, such as a road accident or a fall "
    "from a height",
]
BACK_PAIN_URGENT = [
    "you have back pain with a fever or high temperature, chills or shivering",
    "you have back pain and have had cancer in the past",
]


def urgent_help(emergency=(), urgent=()):
    """A “Get help urgently” block: the back-pain red flags, plus any given."""
    return {
        "type": "urgent_help",
        "value": {
            "heading": "",
            "emergency": [*BACK_PAIN_EMERGENCY, *emergency],
            "urgent": [*BACK_PAIN_URGENT, *urgent],
        },
    }


# What most back pain does, and the NHS's self-care advice (nhs-back-pain,
# northern-trust-lbp).
REASSURANCE = (
    "<p>Back pain is very common, and low back pain most of all. It usually gets "
    "better within a few weeks. It is rarely caused by a serious illness. The NHS "
    "says to stay active and try to carry on with your daily activities.</p>"
)

# Alternatives that several articles offer. "page" holds the slug of another demo
# article; the loader swaps in its id. Their certainty is "low": each rests on NICE's
# recommendation, not on trials these articles have rated (see How we rate evidence).
EXERCISE_OPTION = {
    "name": "An exercise programme",
    "kind": "therapy",
    "evidence": "NICE suggests considering a group exercise programme for low back "
    "pain, chosen to suit your needs and abilities.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": "exercise-therapy-for-back-pain",
}

NSAID_OPTION = {
    "name": "Anti-inflammatory painkillers (NSAIDs)",
    "kind": "medicine",
    "evidence": "NICE suggests considering an NSAID taken by mouth, at the lowest dose "
    "that works for the shortest time. They are not safe for everyone: the article on "
    "NSAIDs lists who should not take them.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": "nsaids-for-back-pain",
}

# NICE's psychological-therapy recommendation is left out until it is checked on
# nice.org.uk: a report that it was withdrawn is not yet confirmed.
ALONGSIDE_EXERCISE_OPTION = {
    "name": "Hands-on treatment (manual therapy), alongside exercise",
    "kind": "therapy",
    "evidence": "NICE suggests manual therapy only together with exercise, as part of "
    "a package of care, not on its own.",
    "certainty": "low",
    "references": "nice-ng59",
    "page": None,
}


NG59 = "Low back pain and sciatica in over 16s (NG59)"
NG59_URL = "https://www.nice.org.uk/guidance/ng59"


def nice_ng59(year, strength, recommendation):
    """A recommendation from NICE's low back pain guideline."""
    return {
        "organisation": "NICE",
        "title": NG59,
        "year": year,
        "strength": strength,
        "recommendation": recommendation,
        "url": NG59_URL,
    }


def guidelines_section(*recommendations):
    return {
        "type": "guidelines",
        "value": {
            "heading": "What guidelines say",
            "recommendations": list(recommendations),
        },
    }
