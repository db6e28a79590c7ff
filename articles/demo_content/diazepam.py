"""The lead demo article: diazepam for back pain."""

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
from .diazepam_safety import MEDICINE_FACTS, SAFETY
from .references import (
    CASHIN_2021,
    CHOOSING_WISELY_FPM4,
    DFT_DRUG_DRIVING,
    DRUG_DRIVING_REGULATIONS,
    FDA_2016,
    FDA_2020,
    FDA_2020_PODCAST,
    FRIEDMAN_2017,
    GCARE_RED_FLAGS,
    HEADMEDS_DIAZEPAM,
    MHRA_2020_OPIOIDS,
    MHRA_ELDERLY,
    MHRA_GABAPENTIN_2017,
    MHRA_PREGABALIN_2021,
    MHRA_PREGNANCY,
    MIMS_DRUG_DRIVING,
    NHS_BACK_PAIN,
    NHS_DIAZEPAM,
    NI_FORMULARY,
    NICE_NG59,
    NORTHERN_TRUST_LBP,
    PIL_DIAZEPAM,
    PIL_DIAZEPAM_2015,
    SMPC_DIAZEPAM,
    UKTIS_DIAZEPAM,
    VAN_TULDER_2003,
)

# Sedation and slowed breathing need help at once (MHRA 2020, FDA 2016).
URGENT_HELP = urgent_help(
    emergency=[
        "someone taking diazepam is extremely sleepy, or their breathing is slow or "
        "difficult",
    ]
)

OVERVIEW = {
    "type": "overview",
    "value": {
        "heading": "What diazepam is",
        "what_it_is": (
            "<p>Diazepam is a medicine from a group called benzodiazepines. In the UK "
            "its licensed uses include anxiety, alcohol withdrawal, muscle spasm and "
            "some kinds of seizure (fit).</p>"
            "<p>Muscle spasm is a licensed use in the UK product information, the "
            "official information for prescribers. Some versions add “and the "
            "associated pain”. None names back pain as a use.</p>"
        ),
        "how_it_works": (
            "<p>Your brain and nerves use a chemical messenger called GABA to calm "
            "nerve activity. GABA acts on parts of nerve cells called GABA-A "
            "receptors. Diazepam makes GABA work more strongly there.</p>"
            "<p>With nerve activity damped down, you feel sleepy and less anxious, and "
            "your muscles relax.</p>"
        ),
    },
}

EFFICACY = {
    "type": "efficacy",
    "value": {
        "heading": "Does diazepam help back pain?",
        "introduction": (
            "<p>Very little research has tested diazepam for back pain. The best "
            "trial is small. Reviews of muscle relaxants as a group add some "
            "background, but most of the medicines they cover are not diazepam.</p>"
            + RATING_NOTE
        ),
        "evidence": [
            {
                "finding": (
                    "114 adults with new low back pain took part, in one emergency "
                    "department. Their pain did not spread down a leg and did not "
                    "follow an injury. Everyone took naproxen, an anti-inflammatory "
                    "painkiller. Half also took diazepam and half took a dummy "
                    "tablet. After one week, both groups could do more of their daily "
                    "activities, by about the same amount. Pain was no different at "
                    "one week or at three months. Side effects were reported by 12 of "
                    "the 57 people taking diazepam and 8 of the 57 taking the dummy "
                    "tablet."
                ),
                "comparison": "a dummy tablet (placebo), with everyone also taking "
                "naproxen",
                "direction": "no_difference",
                "certainty": "low",
                "references": "friedman2017",
            },
            {
                "finding": (
                    "A 2021 review of 49 trials looked at all kinds of muscle "
                    "relaxants, including benzodiazepines. The figures here are for one "
                    "group only, the non-benzodiazepine antispasmodics, not for the "
                    "group diazepam belongs to. For new low back pain, these eased "
                    "pain by 7.7 points on a 0 to 100 scale in the first two weeks. "
                    "That is less than most people would notice. They made no clear "
                    "difference to daily activities, and they may cause more side "
                    "effects."
                ),
                "comparison": "placebo or other care (non-benzodiazepine muscle "
                "relaxants, not diazepam)",
                "direction": "mixed",
                "certainty": "very_low",
                "references": "cashin2021",
            },
            {
                "finding": (
                    "An older review, from 2003, looked at 30 trials of muscle "
                    "relaxants. As a group, muscle relaxants eased new low back pain "
                    "more than a dummy tablet in the short term. But side effects, "
                    "mostly drowsiness and dizziness, were about one and a half times "
                    "as common. Only 4 of the trials tested benzodiazepines. The "
                    "authors advised caution, and newer evidence is less favourable."
                ),
                "comparison": "placebo, in the short term (muscle relaxants as a "
                "group, not diazepam alone)",
                "direction": "benefit",
                "certainty": "low",
                "references": "vantulder2003",
            },
        ],
        "bottom_line": "There is no good evidence that diazepam helps back pain. The "
        "best trial found it added nothing to an anti-inflammatory painkiller.",
        "bottom_line_certainty": "low",
    },
}


GUIDELINES = guidelines_section(
    nice_ng59(
        2020,
        "do_not_offer",
        "Do not offer benzodiazepines, the group of "
        "medicines diazepam belongs to, to people with sciatica.",
    ),
    nice_ng59(
        2016,
        "consider",
        "Consider a group exercise programme for low back "
        "pain. Choose the type of exercise to suit the person's needs, wishes "
        "and abilities.",
    ),
    nice_ng59(
        2016,
        "consider",
        "Consider anti-inflammatory painkillers (NSAIDs) "
        "taken by mouth for low back pain, taking account of possible harm to "
        "the stomach and gut, liver, heart and kidneys.",
    ),
    {
        "organisation": "Faculty of Pain Medicine, ANZCA",
        "title": "Choosing Wisely Australia recommendations",
        "year": None,  # the recommendation gives none
        "strength": "do_not_offer",
        "recommendation": "Do not prescribe benzodiazepines for low back pain.",
        "url": "https://www.choosingwisely.org.au/recommendations/fpm4",
    },
)

# NICE's research recommendation fits none of the strengths, so it is told here,
# straight after the guidelines.
WHY_PRESCRIBED = {
    "type": "rich_text",
    "value": {
        "heading": "Why some clinicians still prescribe it",
        "text": (
            "<p>Diazepam is licensed for muscle spasm. So when back pain comes with "
            "painful spasm, some clinicians prescribe it for a few days.</p>"
            "<p>NHS guidance in Northern Ireland allows this but sets a limit. For "
            "back or neck pain, it says to stop benzodiazepines after 5 to 7 days at "
            "most. It also says muscle relaxants are not for spasm from minor "
            "injuries.</p>"
            "<p>NICE, which advises the NHS, takes a firmer line. It found the "
            "evidence for diazepam as a muscle relaxant in new low back pain "
            "“extremely small”. It warned that benzodiazepines can cause harm even "
            "when taken for a short time, and it asked for more research rather than "
            "recommending them. For sciatica, NICE advises against benzodiazepines: "
            "in the research it looked at, they seemed to ease pain less than a "
            "dummy tablet.</p>"
            "<p>Pain specialists in Australia and New Zealand go further: their "
            "Choosing Wisely advice, above, is not to prescribe benzodiazepines for "
            "low back pain at all.</p>"
        ),
    },
}

ALTERNATIVES = {
    "type": "alternatives",
    "value": {
        "heading": "What NICE suggests instead",
        "introduction": (
            REASSURANCE + "<p>NICE's guideline on low back pain does not recommend "
            "diazepam. It suggests exercise, with hands-on treatment alongside, and "
            "an anti-inflammatory painkiller if you need one.</p>"
        ),
        "options": [
            EXERCISE_OPTION,
            NSAID_OPTION,
            ALONGSIDE_EXERCISE_OPTION,
        ],
    },
}

DECIDING = {
    "type": "deciding",
    "value": {
        "heading": "Talking it through with your prescriber",
        "introduction": (
            "<p>If diazepam has been suggested for your back pain, these questions "
            "can help you talk it through with your prescriber or a pharmacist.</p>"
        ),
        "questions": [
            "What do you expect diazepam to do for my back pain?",
            "What else could help, such as an exercise programme?",
            "How many days would I take it, and how would I stop?",
            "Could it interact with anything else I take?",
            "Is it safe for me to drive or work while I take it?",
        ],
        "factors": [
            "You take an opioid, gabapentin, pregabalin or another medicine that makes "
            "you sleepy",
            "You drink alcohol",
            "You are over 65, pregnant or breastfeeding",
            "You have breathing problems, sleep apnoea, liver problems or myasthenia "
            "gravis",
            "You have had problems with alcohol or drugs",
            "You need to drive or use machinery",
            "Whether an anti-inflammatory painkiller is safe for you",
        ],
    },
}

FAQ = {
    "type": "faq",
    "value": {
        "heading": "Questions about diazepam and back pain",
        "questions": [
            {
                "question": "Is diazepam a muscle relaxant?",
                "answer": (
                    "<p>It can relax muscles, and it is licensed for muscle spasm. But "
                    "it calms nerve activity in general, which is also why it makes "
                    "people sleepy. NICE found extremely little evidence that it helps "
                    "back pain.</p>"
                ),
            },
            {
                "question": "Which other treatments does NICE advise against?",
                "answer": (
                    "<p>For low back pain, NICE advises against paracetamol on its "
                    "own. It advises against opioids for back pain that has lasted a "
                    "long time. Since 2020 it has also advised against some "
                    "antidepressants (SSRIs, SNRIs and tricyclics). The same goes for "
                    "gabapentinoids and medicines for epilepsy. It does not "
                    "recommend acupuncture.</p>"
                    "<p>For sciatica, it advises against gabapentinoids and other "
                    "anticonvulsants, steroid tablets (oral corticosteroids) and "
                    "benzodiazepines.</p>"
                ),
            },
        ],
    },
}

BOTTOM_LINE = {
    "type": "bottom_line",
    "value": {
        "heading": "",
        "text": (
            "<p>Diazepam is not a good choice for most back pain. The best trial found "
            "it added nothing to an anti-inflammatory painkiller. It can make you "
            "drowsy and unsteady, your body can come to depend on it, and it is "
            "dangerous with opioids and alcohol.</p>"
            "<p>Most back pain gets better within a few weeks: stay active. NICE "
            "suggests an exercise programme. If you already take diazepam, do not "
            "stop suddenly: talk to your prescriber.</p>"
        ),
    },
}

DIAZEPAM = {
    "title": "Diazepam for back pain",
    "slug": "diazepam-for-back-pain",
    "summary": (
        "Diazepam has been tried for back pain because it relaxes muscles. The best "
        "trial found it added nothing to an anti-inflammatory painkiller, and it can "
        "cause drowsiness and dependence. What the evidence shows, the risks, and "
        "what NICE suggests instead."
    ),
    # Roche's original brand name for diazepam, marketed since 1963: the name most
    # readers search for.
    "other_names": "Valium",
    "topics": ["back-pain", "pain-relief-medicines"],
    "about": {
        "about_treatment": "Diazepam",
        "about_treatment_type": "Drug",
        "about_condition": "Low back pain",
    },
    "body": [
        URGENT_HELP,
        DEMO_CALLOUT,
        OVERVIEW,
        EFFICACY,
        GUIDELINES,
        WHY_PRESCRIBED,
        SAFETY,
        MEDICINE_FACTS,
        ALTERNATIVES,
        DECIDING,
        FAQ,
        BOTTOM_LINE,
    ],
    "references": [
        # Cited sources, in the order the article first cites them.
        FRIEDMAN_2017,
        CASHIN_2021,
        VAN_TULDER_2003,
        MHRA_2020_OPIOIDS,
        FDA_2016,
        FDA_2020,
        PIL_DIAZEPAM_2015,
        HEADMEDS_DIAZEPAM,
        FDA_2020_PODCAST,
        MHRA_GABAPENTIN_2017,
        MHRA_PREGABALIN_2021,
        MHRA_ELDERLY,
        NHS_DIAZEPAM,
        MHRA_PREGNANCY,
        UKTIS_DIAZEPAM,
        PIL_DIAZEPAM,
        DRUG_DRIVING_REGULATIONS,
        DFT_DRUG_DRIVING,
        MIMS_DRUG_DRIVING,
        NICE_NG59,
        # Sources of the overview, guidelines, urgent help and advice, which have no
        # citation marks of their own.
        SMPC_DIAZEPAM,
        NI_FORMULARY,
        CHOOSING_WISELY_FPM4,
        NORTHERN_TRUST_LBP,
        GCARE_RED_FLAGS,
        NHS_BACK_PAIN,
    ],
}
