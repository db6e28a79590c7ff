"""The demo articles, in the order they are first published (the lead one last)."""

from .common import (
    ALONGSIDE_EXERCISE_OPTION,
    DEMO_CALLOUT,
    EXERCISE_OPTION,
    NSAID_OPTION,
)
from .diazepam import DIAZEPAM
from .references import NICE_NG59

EXERCISE = {
    "title": "Exercise therapy for low back pain",
    "slug": "exercise-therapy-for-back-pain",
    "summary": (
        "NICE recommends exercise programmes for people with low back pain. What "
        "exercise therapy is, what can go alongside it, and how to start safely."
    ),
    "topics": ["back-pain", "exercise-and-physical-therapy"],
    "about": {
        "about_treatment": "Exercise therapy",
        "about_treatment_type": "MedicalTherapy",
        "about_condition": "Low back pain",
    },
    "body": [
        DEMO_CALLOUT,
        {
            "type": "overview",
            "value": {
                "heading": "What exercise therapy is",
                "what_it_is": (
                    "<p>Exercise therapy is a planned programme of exercise for "
                    "people with back pain. You do it regularly and build it up over "
                    "time.</p>"
                    "<p>NICE, which advises the NHS, recommends exercise programmes "
                    "for people with low back pain.</p>"
                ),
                "how_it_works": "",
            },
        },
        {
            "type": "safety",
            "value": {
                "heading": "Exercising safely with back pain",
                "warnings": [
                    {
                        "title": "Stop and get advice if pain is severe or spreading",
                        "text": "If your pain becomes severe, or spreads, for example "
                        "down a leg, stop the exercise. Get advice from a health "
                        "professional before you carry on.",
                        "references": "",
                    }
                ],
                "common_side_effects": [
                    "Some aches or stiffness when you start new movements",
                ],
                "dependence": "",
                "interactions": [],
                "who_should_not_take_it": [],
                "practical_advice": [
                    {
                        "topic": "Starting",
                        "advice": "Start gently and build up a little at a time.",
                    },
                    {
                        "topic": "Other health problems",
                        "advice": "If you have a heart or lung condition, or another "
                        "long-term health problem, check with a GP or physiotherapist "
                        "before you start a new exercise programme.",
                    },
                ],
            },
        },
        {
            "type": "alternatives",
            "value": {
                "heading": "What can go alongside exercise",
                "introduction": (
                    "<p>NICE suggests hands-on or psychological therapy only "
                    "alongside exercise, as part of a package of care. If you need "
                    "pain relief, it suggests an anti-inflammatory painkiller. NICE "
                    "does not recommend acupuncture for low back pain.</p>"
                ),
                "options": [
                    ALONGSIDE_EXERCISE_OPTION,
                    NSAID_OPTION,
                ],
            },
        },
        {
            "type": "bottom_line",
            "value": {
                "heading": "",
                "text": (
                    "<p>NICE recommends exercise programmes for people with low back "
                    "pain. Start gently, build up slowly, and get advice if your pain "
                    "becomes severe or spreads.</p>"
                ),
            },
        },
    ],
    "references": [NICE_NG59],
}

NSAIDS = {
    "title": "Anti-inflammatory painkillers for back pain",
    "slug": "nsaids-for-back-pain",
    "summary": (
        "Anti-inflammatory painkillers (NSAIDs), such as ibuprofen and naproxen, are "
        "one option NICE suggests for low back pain. What the guidance says, why a "
        "prescriber or pharmacist checks first, and how to use them with care."
    ),
    "topics": ["back-pain", "pain-relief-medicines"],
    "about": {
        "about_treatment": "Non-steroidal anti-inflammatory drugs (NSAIDs)",
        "about_treatment_type": "DrugClass",
        "about_condition": "Low back pain",
    },
    "body": [
        DEMO_CALLOUT,
        {
            "type": "overview",
            "value": {
                "heading": "What NSAIDs are",
                "what_it_is": (
                    "<p>NSAIDs (non-steroidal anti-inflammatory drugs) are painkillers "
                    "that also reduce inflammation. Ibuprofen and naproxen are "
                    "examples.</p>"
                ),
                "how_it_works": "",
            },
        },
        {
            "type": "rich_text",
            "value": {
                "heading": "What NICE advises",
                "text": (
                    "<p>NICE, which advises the NHS, suggests an NSAID taken by mouth "
                    "for low back pain. It should be at the lowest dose that works, "
                    "for the shortest time possible.</p>"
                    "<p>If an NSAID is not suitable or has not helped, a prescriber "
                    "may consider a weak opioid for new back pain. NICE advises "
                    "against opioids for back pain that has lasted a long time, and "
                    "against paracetamol on its own.</p>"
                ),
            },
        },
        {
            "type": "safety",
            "value": {
                "heading": "Checking an NSAID is safe for you",
                "warnings": [
                    {
                        "title": "Not suitable for everyone",
                        "text": "Before recommending an NSAID, a prescriber or "
                        "pharmacist weighs your risk of side effects such as stomach, "
                        "kidney and heart problems. Tell them about any health "
                        "conditions you have and any other medicines you take.",
                        "references": "nice-ng59",
                    }
                ],
                "common_side_effects": [],
                "dependence": "",
                "interactions": [],
                "who_should_not_take_it": [],
                "practical_advice": [
                    {
                        "topic": "How much and how long",
                        "advice": "Use the lowest dose that works, for the shortest "
                        "time. If you still need it after that, go back to your "
                        "prescriber or a pharmacist.",
                    },
                    {
                        "topic": "Other medicines",
                        "advice": "Tell a pharmacist about every other medicine you "
                        "take, including other painkillers.",
                    },
                ],
            },
        },
        {
            "type": "alternatives",
            "value": {
                "heading": "Other treatments NICE recommends",
                "introduction": "",
                "options": [
                    EXERCISE_OPTION,
                    ALONGSIDE_EXERCISE_OPTION,
                ],
            },
        },
        {
            "type": "bottom_line",
            "value": {
                "heading": "",
                "text": (
                    "<p>NICE suggests an anti-inflammatory painkiller for low back "
                    "pain, at the lowest dose that works for the shortest time. Check "
                    "with a prescriber or pharmacist that it is safe for you. NICE "
                    "recommends exercise programmes too.</p>"
                ),
            },
        },
    ],
    "references": [NICE_NG59],
}

ARTICLES = [EXERCISE, NSAIDS, DIAZEPAM]

# Slugs of the articles the home page features, in order.
FEATURED = ["diazepam-for-back-pain", "exercise-therapy-for-back-pain"]
