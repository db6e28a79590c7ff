"""The safety section of the diazepam article: regulator warnings, dependence, interactions."""

SAFETY = {
    "type": "safety",
    "value": {
        "heading": "What are the risks of diazepam?",
        "warnings": [
            {
                "title": "Dangerous with opioid medicines",
                "text": (
                    "In 2016 the US medicines regulator, the FDA, added its strongest "
                    "warning to opioid medicines and to benzodiazepines such as "
                    "diazepam. Taken together, they can cause extreme sleepiness, slow "
                    "or difficult breathing, coma and death."
                ),
                "references": "fda2016",
            },
            {
                "title": "Misuse, addiction and dependence",
                "text": (
                    "In 2020 the FDA widened its strongest warning for all "
                    "benzodiazepines. It now covers abuse, misuse, addiction, physical "
                    "dependence and withdrawal reactions."
                ),
                "references": "fda2020",
            },
        ],
        "common_side_effects": [
            "Drowsiness",
            "Dizziness",
            "Feeling unsteady on your feet",
            "Poor coordination (clumsiness)",
        ],
        "dependence": (
            "<p>If you take diazepam regularly for several days to weeks, your body "
            "can come to depend on it. This can happen even if you take it exactly as "
            "prescribed.</p>"
            "<p>Stopping suddenly, or cutting down too fast, can then cause withdrawal "
            "reactions. These can include seizures (fits), which can be "
            "life-threatening. Do not stop on your own: your prescriber can plan a "
            "gradual reduction with you.</p>"
        ),
        "interactions": [
            {
                "substance": "Opioid medicines",
                "severity": "serious",
                "effect": "Extreme sleepiness, slow or difficult breathing, coma and "
                "death.",
                "advice": "Tell your prescriber and a pharmacist about every medicine "
                "you take. Only take both if a prescriber has judged it necessary and "
                "is monitoring you.",
            },
            {
                "substance": "Alcohol",
                "severity": "serious",
                "effect": "Alcohol adds to the sleepiness diazepam causes.",
                "advice": "Avoid alcohol while you take diazepam.",
            },
            {
                "substance": "Other medicines that make you sleepy",
                "severity": "moderate",
                "effect": "They add to the sleepiness diazepam causes.",
                "advice": "Ask a pharmacist to check any other medicine you take, "
                "including ones bought without a prescription.",
            },
        ],
        "who_should_not_take_it": [
            "Anyone also taking an opioid medicine, unless a prescriber has judged the "
            "combination necessary and is monitoring it",
        ],
        "practical_advice": [
            {
                "topic": "Driving and machinery",
                "advice": "Diazepam can make you drowsy, dizzy and unsteady. Do not "
                "drive or use machinery if you feel any of these.",
            },
            {
                "topic": "Alcohol",
                "advice": "Avoid alcohol. It makes the drowsiness worse.",
            },
            {
                "topic": "Stopping",
                "advice": "If you have taken diazepam regularly, do not stop suddenly. "
                "Ask your prescriber how to cut down gradually.",
            },
        ],
    },
}
