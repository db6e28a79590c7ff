"""Shared vocabularies: evidence direction and certainty (GRADE), alternative kinds."""

DIRECTION_CHOICES = [
    ("benefit", "Benefit"),
    ("no_difference", "No clear difference"),
    ("mixed", "Mixed results"),
    ("harm", "Harm"),
]

# GRADE's four levels, with how many of four marks to fill in for each.
CERTAINTY_CHOICES = [
    ("high", "High"),
    ("moderate", "Moderate"),
    ("low", "Low"),
    ("very_low", "Very low"),
]
CERTAINTY_MARKS = {"high": 4, "moderate": 3, "low": 2, "very_low": 1}
CERTAINTY_MEANING = {
    "high": "Further research is very unlikely to change this finding.",
    "moderate": "Further research may change this finding.",
    "low": "Further research is likely to change this finding.",
    "very_low": "This finding is very uncertain.",
}

ALTERNATIVE_KINDS = [
    ("self_care", "Self-care"),
    ("therapy", "Physical or psychological therapy"),
    ("medicine", "Medicine"),
    ("procedure", "Procedure"),
]

SEVERITY_CHOICES = [
    ("serious", "Serious: avoid the combination"),
    ("moderate", "Moderate: use with care"),
    ("minor", "Minor"),
]

CALLOUT_KINDS = [
    ("info", "Information"),
    ("tip", "Tip"),
    ("warning", "Warning"),
]


def label_for(choices, value):
    return dict(choices).get(value, "")


# How firmly a guideline words a recommendation, from NICE's "offer" to "do not offer".
STRENGTH_CHOICES = [
    ("offer", "Offer / recommended"),
    ("consider", "Consider"),
    ("do_not_routinely_offer", "Do not routinely offer"),
    ("do_not_offer", "Do not offer"),
]
