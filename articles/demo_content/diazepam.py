"""The lead demo article: diazepam for back pain."""

from .common import (
    ALONGSIDE_EXERCISE_OPTION,
    DEMO_CALLOUT,
    EXERCISE_OPTION,
    NSAID_OPTION,
)
from .diazepam_safety import SAFETY
from .references import (
    CASHIN_2021,
    CHOOSING_WISELY_FPM4,
    FDA_2016,
    FDA_2020,
    FRIEDMAN_2017,
    NICE_NG59,
    VAN_TULDER_2003,
)

OVERVIEW = {
    "type": "overview",
    "value": {
        "heading": "What diazepam is",
        "what_it_is": (
            "<p>Diazepam is a medicine from a group called benzodiazepines. In the UK "
            "it is licensed for anxiety, alcohol withdrawal, muscle spasm and some "
            "kinds of seizure (fit).</p>"
            "<p>Back pain is not one of its licensed uses. Researchers have tested it "
            "for back pain because it can relax muscles.</p>"
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
        ),
        "evidence": [
            {
                "finding": (
                    "In a trial of 114 adults with new low back pain that did not "
                    "spread down the leg, everyone took naproxen, an anti-inflammatory "
                    "painkiller. Adding diazepam made no difference to pain or daily "
                    "activities after one week, or to pain after three months. Side "
                    "effects were reported by 12 people taking diazepam and 8 taking "
                    "the dummy tablet."
                ),
                "comparison": "a dummy tablet (placebo), with everyone also taking "
                "naproxen",
                "direction": "no_difference",
                "certainty": "low",
                "references": "friedman2017",
            },
            {
                "finding": (
                    "NICE, which advises the NHS, called the evidence for diazepam as "
                    "a muscle relaxant in new low back pain extremely small. It warned "
                    "that benzodiazepines can cause harm even when taken for a short "
                    "time. Pain specialists in Australia and New Zealand go further: "
                    "they advise doctors not to prescribe benzodiazepines for low back "
                    "pain."
                ),
                "comparison": "other care, in the little research NICE found",
                "direction": "no_difference",
                "certainty": "very_low",
                "references": "nice-ng59, choosingwisely-fpm4",
            },
            {
                "finding": (
                    "An older review of 30 trials found that muscle relaxants as a "
                    "group eased new back pain more than a dummy tablet in the short "
                    "term. Only 4 of the trials tested benzodiazepines. Side effects, "
                    "mostly drowsiness and dizziness, were more common, and the "
                    "authors advised caution. Newer evidence is less favourable."
                ),
                "comparison": "placebo, in the short term (muscle relaxants as a group)",
                "direction": "mixed",
                "certainty": "low",
                "references": "vantulder2003",
            },
            {
                "finding": (
                    "This finding is not about diazepam. A large 2021 review looked at "
                    "other muscle relaxants, called non-benzodiazepine antispasmodics, "
                    "for new low back pain. They may ease pain slightly in the first "
                    "two weeks, but by less than most people would notice. They made "
                    "no clear difference to daily activities and may cause more side "
                    "effects. We include it to show how weak the case is for muscle "
                    "relaxants in general."
                ),
                "comparison": "placebo (other muscle relaxants, not diazepam)",
                "direction": "mixed",
                "certainty": "very_low",
                "references": "cashin2021",
            },
        ],
        "bottom_line": "There is no good evidence that diazepam helps back pain. The "
        "best trial found it added nothing to an anti-inflammatory painkiller.",
    },
}

ALTERNATIVES = {
    "type": "alternatives",
    "value": {
        "heading": "What NICE recommends instead",
        "introduction": (
            "<p>NICE's guideline on low back pain does not recommend diazepam: it "
            "asks only for more research. It recommends exercise, with other "
            "treatments alongside, and an anti-inflammatory painkiller if you need "
            "one.</p>"
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
            "Is there an option with better evidence, such as an exercise programme?",
            "How long would I take it, and how would I stop?",
            "Could it interact with anything else I take?",
            "Is it safe for me to drive or work while I take it?",
        ],
        "factors": [
            "You take an opioid medicine, or another medicine that makes you sleepy",
            "You drink alcohol",
            "You need to drive or use machinery",
            "How long you have had the pain: NICE's advice differs for new and "
            "long-lasting back pain",
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
                "question": "Can I drive while taking diazepam?",
                "answer": (
                    "<p>Diazepam can make you drowsy, dizzy and unsteady, and these "
                    "affect driving. Do not drive if you feel any of them. Ask your "
                    "prescriber or a pharmacist what applies to you.</p>"
                ),
            },
            {
                "question": "What does Choosing Wisely say?",
                "answer": (
                    "<p>Choosing Wisely Australia publishes advice from professional "
                    "bodies. The Faculty of Pain Medicine, part of the Australian and "
                    "New Zealand College of Anaesthetists, advises doctors not to "
                    "prescribe benzodiazepines, such as diazepam, for low back "
                    "pain.</p>"
                ),
            },
            {
                "question": "Which other treatments does NICE advise against?",
                "answer": (
                    "<p>For low back pain, NICE advises against paracetamol on its "
                    "own, and against opioids for back pain that has lasted a long "
                    "time. It advises against some antidepressants (SSRIs, SNRIs and "
                    "tricyclics) and anticonvulsants for low back pain. It does not "
                    "recommend acupuncture.</p>"
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
            "drowsy, your body can come to depend on it, and it is dangerous with "
            "opioid medicines.</p>"
            "<p>NICE recommends exercise programmes instead. If you already take "
            "diazepam, do not stop suddenly: talk to your prescriber.</p>"
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
        "what NICE recommends instead."
    ),
    "topics": ["back-pain", "pain-relief-medicines"],
    "about": {
        "about_treatment": "Diazepam",
        "about_treatment_type": "Drug",
        "about_condition": "Low back pain",
    },
    "body": [
        DEMO_CALLOUT,
        OVERVIEW,
        EFFICACY,
        SAFETY,
        ALTERNATIVES,
        DECIDING,
        FAQ,
        BOTTOM_LINE,
    ],
    "references": [
        # In the order the article first cites them.
        FRIEDMAN_2017,
        NICE_NG59,
        CHOOSING_WISELY_FPM4,
        VAN_TULDER_2003,
        CASHIN_2021,
        FDA_2016,
        FDA_2020,
    ],
}
