"""The diazepam article's safety section and medicine facts.

Each risk claim sits in a warning that cites its source; the medicine facts say what
to do, and have no citations of their own.
"""

SAFETY = {
    "type": "safety",
    "value": {
        "heading": "What are the risks of diazepam?",
        "warnings": [
            {
                "title": "Dangerous with opioid painkillers",
                "text": (
                    "Taking diazepam with an opioid medicine can cause extreme "
                    "sleepiness, slow or difficult breathing, coma and death. The UK "
                    "medicines regulator, the MHRA, says the two should be prescribed "
                    "together only if there is no other option, at the lowest doses "
                    "for the shortest time."
                ),
                "references": "mhra2020-opioids, fda2016",
            },
            {
                "title": "Dependence and withdrawal",
                "text": (
                    "Taken regularly for several days to weeks, diazepam can make your "
                    "body depend on it, even at the dose prescribed. Stopping suddenly "
                    "can then cause withdrawal reactions, including fits (seizures) "
                    "that can be life-threatening. The US regulator's strongest "
                    "warning for all benzodiazepines covers misuse, addiction, "
                    "dependence and withdrawal."
                ),
                "references": "fda2020",
            },
            {
                "title": "Alcohol: breathing problems and overdose",
                "text": (
                    "Do not drink alcohol while taking diazepam. Alcohol adds to its "
                    "sedative effect, and together they can affect your breathing. "
                    "When benzodiazepines are misused, taking them with alcohol, "
                    "opioids or street drugs makes overdose and death more likely."
                ),
                "references": "pil-diazepam-2015, headmeds-diazepam, fda2020-podcast",
            },
            {
                "title": "Gabapentin and pregabalin",
                "text": (
                    "The MHRA has warned that gabapentin and pregabalin can, rarely, "
                    "cause severe breathing problems. The risk is higher for people who also "
                    "take other medicines that slow down the brain and nerves, such as "
                    "opioids, and for older people. Tell your prescriber if you take "
                    "either of them."
                ),
                "references": "mhra2017-gabapentin, mhra2021-pregabalin",
            },
            {
                "title": "Older people: confusion and falls",
                "text": (
                    "Older people are more likely to become confused or clumsy on "
                    "diazepam, and to fall and hurt themselves, for example breaking a "
                    "hip. Taking several medicines at once adds to the risk of too "
                    "much sleepiness, breathing problems and confusion. People over 65 "
                    "might need a lower dose."
                ),
                "references": "pil-diazepam-2015, mhra-benzo-elderly, nhs-diazepam",
            },
            {
                "title": "Pregnancy and breastfeeding",
                "text": (
                    "Taken late in pregnancy or during labour, diazepam can affect the "
                    "baby. The baby may be cold and floppy, and have trouble breathing "
                    "and feeding. After long use in pregnancy, a baby can be born "
                    "dependent on it and have withdrawal symptoms. Diazepam passes "
                    "into breast milk."
                ),
                "references": "pil-diazepam-2015, mhra-benzo-pregnancy, uktis-diazepam",
            },
            {
                "title": "Breathing, liver and muscle conditions",
                "text": (
                    "The patient leaflet says not to take diazepam if you have "
                    "breathing problems that came on suddenly, if your breathing stops "
                    "for short spells while you sleep (sleep apnoea), if you have "
                    "severe liver disease, or if you have myasthenia gravis, a "
                    "condition that causes muscle weakness. Tell your doctor first if "
                    "you have other liver or kidney problems, or have ever had "
                    "problems with alcohol or drugs."
                ),
                "references": "pil-diazepam, nhs-diazepam, pil-diazepam-2015",
            },
            {
                "title": "Driving: the law names diazepam",
                "text": (
                    "Diazepam can make you drowsy, dizzy and unsteady, and these "
                    "affect driving. In England and Wales it is an offence to drive "
                    "with more than a set level of diazepam in your blood. You have a "
                    "defence if it was prescribed for you, you took it as your "
                    "prescriber told you, and your driving was not impaired. Avoid "
                    "driving for the first few days, until you know how it affects "
                    "you."
                ),
                "references": "si-2014-2868, dft-drug-driving, mims-drug-driving, "
                "headmeds-diazepam",
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
            "prescribed. Diazepam is meant for short courses only.</p>"
            "<p>Stopping suddenly, or cutting down too fast, can then cause withdrawal "
            "reactions. These can include fits (seizures), which can be "
            "life-threatening. Do not stop on your own: your prescriber can plan a "
            "gradual reduction with you.</p>"
        ),
        "interactions": [
            {
                "substance": "Opioid medicines",
                "severity": "serious",
                "effect": "Extreme sleepiness, slow or difficult breathing, coma and "
                "death.",
                "advice": "Take both only if your prescriber has decided there is no "
                "other option. Get medical help at once if you become very sleepy or "
                "your breathing slows.",
                "references": "mhra2020-opioids, fda2016",
            },
            {
                "substance": "Gabapentin or pregabalin",
                "severity": "serious",
                "effect": "Severe breathing problems have been reported with these "
                "medicines. The risk is higher with other medicines that slow down "
                "the brain and nerves.",
                "advice": "Tell your prescriber if you take either of them, before "
                "you start diazepam.",
                "references": "mhra2017-gabapentin, mhra2021-pregabalin",
            },
            {
                "substance": "Alcohol",
                "severity": "serious",
                "effect": "Adds to the sleepiness diazepam causes and can affect your "
                "breathing.",
                "advice": "Do not drink alcohol while you take diazepam.",
                "references": "pil-diazepam-2015, headmeds-diazepam",
            },
            {
                "substance": "Sleeping tablets, sedating antihistamines and other "
                "medicines that make you sleepy",
                "severity": "moderate",
                "effect": "They add to the sleepiness diazepam causes.",
                "advice": "Tell your prescriber or a pharmacist about every medicine "
                "you take, including ones you buy yourself.",
            },
        ],
        "who_should_not_take_it": [],
        "practical_advice": [],
    },
}

MEDICINE_FACTS = {
    "type": "medicine_facts",
    "value": {
        "heading": "Taking diazepam safely",
        "how_to_take": "It comes as tablets or a liquid that you swallow. Take it "
        "exactly as your prescriber tells you.",
        "course_length": "Short courses only. For back or neck pain, NHS guidance in "
        "Northern Ireland says to stop benzodiazepines after 5 to 7 days at most. Ask "
        "your prescriber how long your course is.",
        "stopping": "If you have taken it regularly for several days or more, do not "
        "stop suddenly. Your prescriber can plan a gradual reduction with you.",
        "missed_dose": "",
        "too_much": "If someone has taken too much, or is extremely sleepy, or their "
        "breathing is slow or difficult, get emergency medical help straight away.",
        "pregnancy": "Tell your doctor if you are pregnant or trying to get pregnant "
        "before you take it. See the warning about pregnancy above.",
        "breastfeeding": "Diazepam passes into breast milk. Tell your doctor if you "
        "are breastfeeding.",
        "driving": "Do not drive if you feel sleepy, dizzy or unsteady, and avoid "
        "driving for the first few days. In England and Wales the drug-driving law "
        "names diazepam: see the driving warning above.",
        "alcohol": "Do not drink alcohol while taking diazepam. Together they can "
        "affect your breathing.",
        "check_first": [
            "Breathing problems that came on suddenly",
            "Sleep apnoea (your breathing stops for short spells while you sleep)",
            "Myasthenia gravis (a condition that causes muscle weakness)",
            "Severe liver disease, or other liver or kidney problems",
            "Past problems with alcohol or drugs",
            "Being over 65",
            "Being pregnant, trying to get pregnant, or breastfeeding",
            "Taking an opioid, gabapentin, pregabalin, a sleeping tablet or another "
            "medicine that makes you sleepy",
        ],
        "references": "pil-diazepam-2015, pil-diazepam, ni-formulary, fda2020, "
        "fda2016, mhra-benzo-pregnancy, uktis-diazepam, si-2014-2868, "
        "headmeds-diazepam, nhs-diazepam, mhra-benzo-elderly",
    },
}
