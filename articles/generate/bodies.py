"""Article bodies in the section blocks the site's editors use, varied from one to the next.

Each function returns raw StreamField data, as the demo content does. Sections appear
in reading order, publishing's required ones always, the others as often as editors
tend to add them; citations point only at the article's own references.
"""

import uuid

from articles.blocks.choices import (
    CERTAINTY_CHOICES,
    DIRECTION_CHOICES,
    STRENGTH_CHOICES,
)

from .phrases import (
    ADVICE,
    EMERGENCY,
    FACTORS,
    FAQ,
    GENERATED_NOTICE,
    INTERACTIONS,
    QUESTIONS,
    SIDE_EFFECTS,
    URGENT,
    WARNINGS,
)
from .words import ORGANISATIONS

CERTAINTIES = [value for value, _ in CERTAINTY_CHOICES]
DIRECTIONS = [value for value, _ in DIRECTION_CHOICES]
STRENGTHS = [value for value, _ in STRENGTH_CHOICES]


def block_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def block(rng, kind, value):
    return {"type": kind, "value": value, "id": block_id(rng)}


def cites(rng, keys, most=2):
    return ", ".join(rng.sample(keys, min(len(keys), rng.randint(1, most))))


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts if text)


def article_body(rng, plan):
    """The body of one article (see site.ArticlePlan), as raw StreamField data."""
    t, keys = plan.treatment, plan.reference_keys
    words = {"t": t.phrase, "T": t.name, "c": plan.condition.phrase}
    body = []
    if plan.needs_urgent_help or rng.random() < 0.1:
        body.append(urgent_help(rng))
    body.append(
        block(
            rng,
            "callout",
            {"kind": "info", "title": "Generated content", "text": GENERATED_NOTICE},
        )
    )
    body.append(overview(rng, t, words))
    if rng.random() < 0.9:
        body.append(efficacy(rng, words, keys))
    if rng.random() < 0.6:
        body.append(guidelines(rng, plan, words))
    if rng.random() < 0.25:
        body.append(rich_text(rng, words))
    body.append(safety(rng, t, words, keys))
    if t.is_medicine and rng.random() < 0.7:
        body.append(medicine_facts(rng, words, keys))
    if plan.alternatives and rng.random() < 0.85:
        body.append(alternatives(rng, plan, keys))
    if rng.random() < 0.5:
        body.append(deciding(rng, words))
    if rng.random() < 0.35:
        body.append(faq(rng, words))
    body.append(bottom_line(rng, plan, words))
    return body


def urgent_help(rng):
    return block(
        rng,
        "urgent_help",
        {
            "heading": "",
            "emergency": rng.sample(EMERGENCY, rng.randint(1, 3)),
            "urgent": rng.sample(URGENT, rng.randint(1, 3)),
        },
    )


def overview(rng, t, words):
    how = rng.random() < 0.7
    return block(
        rng,
        "overview",
        {
            "heading": f"What {t.phrase} is",
            "what_it_is": paragraphs(
                f"{t.name} is {t.what_it_is}.",
                "People with {c} use it to ease their symptoms and get on with daily "
                "life.".format(**words),
            ),
            "how_it_works": paragraphs(
                f"It is thought to work by changing how the body responds to "
                f"{words['c']}. The exact way it works is not fully understood."
            )
            if how
            else "",
        },
    )


def finding(rng, words, direction):
    people, weeks = rng.randint(3, 60) * 10, rng.choice((2, 4, 6, 8, 12, 26, 52))
    change = rng.randint(2, 25)
    text = {
        "benefit": f"In trials with {people} people with {words['c']}, those using "
        f"{words['t']} improved by {change} points more on a 0 to 100 scale after "
        f"{weeks} weeks.",
        "no_difference": f"A trial of {people} people with {words['c']} found no clear "
        f"difference after {weeks} weeks.",
        "mixed": f"Across studies of {people} people, some found a small benefit after "
        f"{weeks} weeks and others found none.",
        "harm": f"In a study of {people} people, side effects were about {change} in "
        f"100 more common with {words['t']}.",
    }[direction]
    return text


def efficacy(rng, words, keys):
    evidence = []
    for _ in range(rng.randint(1, 4)):
        direction = rng.choice(DIRECTIONS)
        evidence.append(
            {
                "finding": finding(rng, words, direction),
                "comparison": rng.choice(
                    (
                        "a dummy treatment (placebo)",
                        "usual care",
                        "no treatment",
                        "another treatment for the same condition",
                    )
                ),
                "direction": direction,
                "certainty": rng.choice(CERTAINTIES),
                "references": cites(rng, keys),
            }
        )
    return block(
        rng,
        "efficacy",
        {
            "heading": f"Does {words['t']} help {words['c']}?",
            "introduction": paragraphs(
                f"We looked at {len(evidence) + rng.randint(0, 6)} studies. Most were "
                "small, and few lasted longer than a few months."
            ),
            "evidence": evidence,
            "bottom_line": rng.choice(
                (
                    "It may help a little, for some people.",
                    "There is not enough good evidence to say whether it helps.",
                    "It helps some people, and the benefit is modest.",
                    "It probably makes little or no difference.",
                )
            ),
            "bottom_line_certainty": rng.choice(["", *CERTAINTIES]),
        },
    )


def guidelines(rng, plan, words):
    recommendations = [
        {
            "organisation": rng.choice(ORGANISATIONS),
            "title": f"{plan.condition.name}: assessment and management",
            "year": rng.randint(2012, 2025),
            "strength": rng.choice(STRENGTHS),
            "recommendation": f"Consider {words['t']} for {words['c']}, after talking "
            "through its benefits and risks with the person.",
            "url": f"https://guidelines.example.org/{plan.slug}/{n}",
        }
        for n in range(rng.randint(1, 3))
    ]
    return block(rng, "guidelines", {"heading": "", "recommendations": recommendations})


def rich_text(rng, words):
    return block(
        rng,
        "rich_text",
        {
            "heading": rng.choice(("Living with it", "Why it is still used", "")),
            "text": paragraphs(
                "Many people with {c} try several treatments before finding one that "
                "suits them.".format(**words),
                f"What works for one person may not work for another, and {words['t']} "
                "is one option among several.",
            ),
        },
    )


def safety(rng, t, words, keys):
    warnings = [
        {
            "title": title,
            "text": text.format(**words),
            "references": cites(rng, keys),
        }
        for title, text in rng.sample(WARNINGS, rng.randint(0, 3))
    ]
    interactions = []
    if t.is_medicine:
        interactions = [
            {
                "substance": substance,
                "severity": rng.choice(("serious", "moderate", "minor")),
                "effect": effect,
                "advice": advice,
                "references": cites(rng, keys, 1) if rng.random() < 0.5 else "",
            }
            for substance, effect, advice in rng.sample(INTERACTIONS, rng.randint(0, 3))
        ]
    return block(
        rng,
        "safety",
        {
            "heading": f"What are the risks of {t.phrase}?",
            "warnings": warnings,
            "common_side_effects": rng.sample(SIDE_EFFECTS, rng.randint(2, 5)),
            "dependence": "",
            "interactions": interactions,
            "who_should_not_take_it": [],
            "practical_advice": [
                {"topic": topic, "advice": advice}
                for topic, advice in rng.sample(ADVICE, rng.randint(0, 3))
            ],
        },
    )


def medicine_facts(rng, words, keys):
    return block(
        rng,
        "medicine_facts",
        {
            "heading": "",
            "how_to_take": "Take it as the label or your prescriber says.",
            "course_length": rng.choice(
                ("A few days.", "Usually two to four weeks.", "Often long term.")
            ),
            "stopping": "Ask your prescriber before stopping.",
            "missed_dose": "Skip it and take the next dose at the usual time.",
            "too_much": "Call 111 for advice, or 999 if someone is very unwell.",
            "pregnancy": "Talk to your doctor first.",
            "breastfeeding": "Ask a pharmacist or doctor first.",
            "driving": "Do not drive if it makes you drowsy.",
            "alcohol": rng.choice(("Avoid alcohol.", "Drink only a little.", "")),
            "check_first": rng.sample(
                (
                    "Kidney problems",
                    "Liver problems",
                    "Asthma",
                    "Stomach ulcers",
                    "Heart problems",
                ),
                rng.randint(0, 3),
            ),
            "references": cites(rng, keys),
        },
    )


def alternatives(rng, plan, keys):
    options = [
        {
            "name": other.name,
            "kind": other.kind,
            "evidence": f"Some people with {plan.condition.phrase} find "
            f"{other.phrase} helps. The evidence is limited.",
            "certainty": rng.choice(CERTAINTIES),
            "references": cites(rng, keys, 1) if rng.random() < 0.6 else "",
            "page": page,
        }
        for other, page in plan.alternatives
    ]
    return block(
        rng,
        "alternatives",
        {
            "heading": "",
            "introduction": paragraphs(
                f"Other options for {plan.condition.phrase} are worth knowing about."
            ),
            "options": options,
        },
    )


def deciding(rng, words):
    return block(
        rng,
        "deciding",
        {
            "heading": "",
            "introduction": "",
            "questions": [q.format(**words) for q in rng.sample(QUESTIONS, 3)],
            "factors": [f.format(**words) for f in rng.sample(FACTORS, 3)],
        },
    )


def faq(rng, words):
    return block(
        rng,
        "faq",
        {
            "heading": "Questions people ask",
            "questions": [
                {"question": q.format(**words), "answer": paragraphs(a)}
                for q, a in rng.sample(FAQ, rng.randint(1, 3))
            ],
        },
    )


def bottom_line(rng, plan, words):
    return block(
        rng,
        "bottom_line",
        {
            "heading": "",
            "text": paragraphs(
                f"{plan.treatment.name} is one option for {words['c']}. The evidence "
                "for it is limited, so weigh the possible benefit against the side "
                "effects, and ask a pharmacist or doctor if you are unsure."
            ),
        },
    )
