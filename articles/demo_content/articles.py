"""The demo articles, in the order they are first published (the lead one last)."""

from .common import (
    ALONGSIDE_EXERCISE_OPTION,
    DEMO_CALLOUT,
    EXERCISE_OPTION,
    NSAID_OPTION,
    RATING_NOTE,
    REASSURANCE,
    guidelines_section,
    nice_ng59,
    urgent_help,
)
from .diazepam import DIAZEPAM
from .references import (
    FRIEDMAN_2017,
    GCARE_RED_FLAGS,
    GGC_NSAIDS,
    NHS_BACK_PAIN,
    NHS_IBUPROFEN_CONDITIONS,
    NHS_IBUPROFEN_OVER_65,
    NHS_IBUPROFEN_PREGNANT,
    NICE_KTT13,
    NICE_NG59,
    NORTHERN_TRUST_LBP,
    UKTIS_IBUPROFEN,
)

# No exercise trials are rated here yet. The section says so instead of listing NICE's
# recommendation as if it were a finding.
EXERCISE_EVIDENCE_GAP = {
    "type": "rich_text",
    "value": {
        "heading": "How well does it work?",
        "text": (
            "<p>We have not yet checked the research trials of exercise for back "
            "pain. So this article does not rate how well it works. NICE's guideline "
            "weighs that research. It suggests thinking about a group exercise "
            "programme (see What guidelines say).</p>"
        ),
    },
}

EXERCISE = {
    "title": "Exercise therapy for low back pain",
    "slug": "exercise-therapy-for-back-pain",
    "summary": (
        "NICE suggests exercise programmes for people with low back pain. What "
        "exercise therapy is, what can go alongside it, and when to get help urgently."
    ),
    "topics": ["back-pain", "exercise-and-physical-therapy"],
    "about": {
        "about_treatment": "Exercise therapy",
        "about_treatment_type": "MedicalTherapy",
        "about_condition": "Low back pain",
    },
    "body": [
        urgent_help(),
        DEMO_CALLOUT,
        {
            "type": "overview",
            "value": {
                "heading": "What exercise therapy is",
                "what_it_is": (
                    "<p>Exercise therapy is a programme of exercise for people with "
                    "back pain.</p>"
                    "<p>NICE, which advises the NHS, suggests thinking about a group "
                    "exercise programme for low back pain. The exercises can work on "
                    "how your body moves, on fitness, or on mind and body together. "
                    "Or they can mix these.</p>"
                ),
                "how_it_works": "",
            },
        },
        EXERCISE_EVIDENCE_GAP,
        guidelines_section(
            nice_ng59(
                2016,
                "consider",
                "Consider a group exercise programme for "
                "low back pain. Choose the type of exercise to suit the "
                "person's needs, wishes and abilities.",
            )
        ),
        {
            "type": "safety",
            "value": {
                "heading": "Exercising safely with back pain",
                "warnings": [
                    {
                        "title": "Some symptoms need help straight away",
                        "text": "Back pain is rarely caused by a serious illness. But "
                        "some symptoms need urgent help, whether or not you are "
                        "exercising. Stop and get help if you notice any of those "
                        "listed under “Get help urgently” at the top of this page, "
                        "such as numbness around your bottom or genitals, or weakness "
                        "in both legs.",
                        "references": "northern-trust-lbp, gcare-red-flags",
                    }
                ],
                "common_side_effects": [],
                "dependence": "",
                "interactions": [],
                "who_should_not_take_it": [],
                "practical_advice": [
                    {
                        "topic": "Keep active",
                        "advice": "NHS advice is to stay active and try to carry on "
                        "with your daily activities.",
                    },
                    {
                        "topic": "Choosing an exercise",
                        "advice": "NICE says the type of exercise should suit your "
                        "needs, what you prefer and what you can do.",
                    },
                ],
            },
        },
        {
            "type": "alternatives",
            "value": {
                "heading": "What can go alongside exercise",
                "introduction": (
                    REASSURANCE + "<p>NICE suggests hands-on treatment only "
                    "with exercise, as part of a package of care. If you need pain "
                    "relief, it suggests thinking about an anti-inflammatory "
                    "painkiller. It does not recommend acupuncture.</p>"
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
                    "<p>NICE suggests a group exercise programme for low back pain, "
                    "chosen to suit you. Most back pain gets better within a few "
                    "weeks: stay active. Get help urgently for the symptoms listed "
                    "at the top of this page.</p>"
                ),
            },
        },
    ],
    "references": [
        NORTHERN_TRUST_LBP,
        GCARE_RED_FLAGS,
        NICE_NG59,
        NHS_BACK_PAIN,
    ],
}

NSAIDS = {
    "title": "Anti-inflammatory painkillers for back pain",
    "slug": "nsaids-for-back-pain",
    "summary": (
        "Anti-inflammatory painkillers (NSAIDs), such as ibuprofen and naproxen, are "
        "one option NICE suggests for low back pain. What the evidence and guidance "
        "say, who should not take them, and how to use them with care."
    ),
    "topics": ["back-pain", "pain-relief-medicines"],
    "about": {
        "about_treatment": "Non-steroidal anti-inflammatory drugs (NSAIDs)",
        "about_treatment_type": "DrugClass",
        "about_condition": "Low back pain",
    },
    "body": [
        urgent_help(),
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
            "type": "efficacy",
            "value": {
                "heading": "How well do NSAIDs work for back pain?",
                "introduction": (
                    "<p>The sources we have checked so far do not include a trial "
                    "that compares an NSAID with a dummy tablet for back pain. So we "
                    "cannot yet say how much NSAIDs help on their own. NICE, whose "
                    "guideline weighs the research, suggests considering them (see "
                    "What guidelines say).</p>"
                    "<p>The trial below tested whether adding diazepam to an NSAID "
                    "helps.</p>" + RATING_NOTE
                ),
                "evidence": [
                    {
                        "finding": (
                            "In a trial of 114 adults with new low back pain, everyone "
                            "took naproxen, an NSAID. Adding diazepam gave no extra "
                            "benefit: pain and daily activities were no different "
                            "after one week, and pain was no different at three "
                            "months. Because everyone took naproxen, the trial cannot "
                            "show how much naproxen itself helped."
                        ),
                        "comparison": "naproxen with a dummy tablet, against naproxen "
                        "with diazepam",
                        "direction": "no_difference",
                        "certainty": "low",
                        "references": "friedman2017",
                    }
                ],
                "bottom_line": "We cannot yet say how much NSAIDs help back pain on "
                "their own. Adding diazepam to one did not help.",
                # Left blank: the first half of the bottom line has no rated evidence.
                "bottom_line_certainty": "",
            },
        },
        guidelines_section(
            nice_ng59(
                2016,
                "consider",
                "Consider NSAIDs taken by mouth for low "
                "back pain, taking account of possible harm to the stomach "
                "and gut, liver, heart and kidneys.",
            ),
            nice_ng59(
                2016,
                "offer",
                "Prescribe NSAIDs for low back pain at the "
                "lowest dose that works, for the shortest possible time.",
            ),
            nice_ng59(
                2016,
                "do_not_offer",
                "Do not offer paracetamol on its own for low back pain.",
            ),
        ),
        {
            "type": "safety",
            "value": {
                "heading": "What are the risks of NSAIDs?",
                "warnings": [
                    {
                        "title": "Stomach and kidney problems",
                        "text": "All NSAIDs carry well-known risks to the stomach and "
                        "gut and to the kidneys. They can cause bleeding in the "
                        "stomach, or a hole (perforation) in it.",
                        "references": "nice-ktt13, nhs-ibuprofen-who",
                    },
                    {
                        "title": "Heart and blood vessel problems",
                        "text": "Many NSAIDs raise the risk of heart and blood vessel "
                        "(cardiovascular) problems. These include diclofenac, and "
                        "ibuprofen at high doses.",
                        "references": "nice-ktt13",
                    },
                    {
                        "title": "Over 65: more stomach ulcers",
                        "text": "If you are over 65, ibuprofen can make you more "
                        "likely to get stomach ulcers.",
                        "references": "nhs-ibuprofen-over65",
                    },
                    {
                        "title": "Ibuprofen in pregnancy",
                        "text": "Ibuprofen is not advised in pregnancy unless a "
                        "doctor prescribes it, especially from 20 weeks of pregnancy "
                        "onwards.",
                        "references": "uktis-ibuprofen",
                    },
                    {
                        "title": "Some people should not take NSAIDs",
                        "text": "NSAIDs should not be used by people with severe "
                        "heart failure, severe liver failure or a stomach ulcer now. "
                        "For ibuprofen, the NHS says to tell a doctor first if you have "
                        "ever had bleeding or a hole in your stomach caused by an NSAID. "
                        "The same goes if you have asthma, hay fever or allergies, or "
                        "heart disease or heart failure, or have had a stroke.",
                        "references": "ggc-nsaids, nhs-ibuprofen-who, "
                        "nhs-ibuprofen-conditions",
                    },
                ],
                "common_side_effects": [],
                "dependence": "",
                "interactions": [
                    {
                        "substance": "Another NSAID, including low-dose aspirin",
                        "severity": "serious",
                        "effect": "Taking NSAIDs together adds to the risk of stomach "
                        "problems.",
                        "advice": "Do not take two NSAIDs together. If you take "
                        "low-dose aspirin, ask a doctor or pharmacist before taking "
                        "an NSAID.",
                    },
                    {
                        "substance": "ACE inhibitors, angiotensin receptor blockers, "
                        "diuretics (water tablets) or lithium",
                        "severity": "serious",
                        "effect": "Together they can harm the kidneys.",
                        "advice": "Ask a doctor or pharmacist before taking an NSAID "
                        "with any of these.",
                    },
                    {
                        "substance": "Blood thinners (anticoagulants), steroid "
                        "medicines (corticosteroids) or SSRI antidepressants",
                        "severity": "moderate",
                        "effect": "A higher risk of stomach and gut problems.",
                        "advice": "Ask a doctor or pharmacist before taking an NSAID "
                        "with any of these.",
                    },
                ],
                "who_should_not_take_it": [
                    "People with severe heart failure",
                    "People with severe liver failure",
                    "People with a stomach ulcer now (active peptic ulcer)",
                    "Pregnant women should not take ibuprofen unless a doctor "
                    "prescribes it",
                ],
                "practical_advice": [
                    {
                        "topic": "How much and how long",
                        "advice": "Use the lowest dose that works, for the shortest "
                        "time.",
                    },
                    {
                        "topic": "Other medicines",
                        "advice": "Tell a doctor or pharmacist about every other "
                        "medicine you take, including other painkillers and ones you "
                        "buy yourself.",
                    },
                ],
            },
        },
        {
            "type": "alternatives",
            "value": {
                "heading": "Other treatments NICE suggests",
                "introduction": (
                    REASSURANCE + "<p>NICE says a weak opioid is for new low back "
                    "pain only when an NSAID is unsuitable, has caused side effects "
                    "or has not worked. It advises against opioids for back pain "
                    "that has lasted a long time.</p>"
                ),
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
                    "<p>NICE suggests considering an anti-inflammatory painkiller for "
                    "low back pain, at the lowest dose that works for the shortest "
                    "time. NSAIDs are not safe for everyone: check who should not "
                    "take them, and ask a doctor or pharmacist if you are unsure. "
                    "Most back pain gets better within a few weeks: stay active.</p>"
                ),
            },
        },
    ],
    "references": [
        FRIEDMAN_2017,
        NICE_KTT13,
        NHS_IBUPROFEN_PREGNANT,
        NHS_IBUPROFEN_OVER_65,
        UKTIS_IBUPROFEN,
        GGC_NSAIDS,
        NHS_IBUPROFEN_CONDITIONS,
        NICE_NG59,
        # Sources of the urgent help and reassurance, which have no citation marks.
        NORTHERN_TRUST_LBP,
        GCARE_RED_FLAGS,
        NHS_BACK_PAIN,
    ],
}

ARTICLES = [EXERCISE, NSAIDS, DIAZEPAM]

# Slugs of the articles the home page features, in order.
FEATURED = ["diazepam-for-back-pain", "exercise-therapy-for-back-pain"]
