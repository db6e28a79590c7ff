"""Demo people and who wrote and reviewed each demo article. Every person is fictional."""

import datetime

from articles.models import ArticleAuthor, Correction, Person

DEMO_NOTE = (
    "This is a fictional person, made up to demonstrate the site. They did not write "
    "or review anything, and the qualifications shown are examples."
)

PEOPLE = [
    {
        "slug": "alex-example",
        "name": "Alex Example",
        "role": "Health writer",
        "credentials": "BSc (Hons), MSc Science Communication",
        "biography": "Alex writes about medicines and pain, turning trials and "
        "guidelines into plain English. " + DEMO_NOTE,
        "is_medical_reviewer": False,
    },
    {
        "slug": "sam-sample",
        "name": "Sam Sample",
        "role": "Senior health writer",
        "credentials": "BA, MSc Public Health",
        "biography": "Sam writes about exercise, physiotherapy and living with "
        "long-term pain, and checks that every claim has a source. " + DEMO_NOTE,
        "is_medical_reviewer": False,
    },
    {
        "slug": "dr-dana-demo",
        "name": "Dr Dana Demo",
        "role": "General practitioner",
        "credentials": "MB ChB, MRCGP",
        "biography": "Dana is a GP who reviews our articles on pain and medicines "
        "against current NICE guidance and the trials behind it. " + DEMO_NOTE,
        "is_medical_reviewer": True,
    },
    {
        "slug": "robin-testwell",
        "name": "Robin Testwell",
        "role": "Clinical pharmacist",
        "credentials": "MPharm, PGDip Clin Pharm",
        "biography": "Robin is a pharmacist who reviews doses, side effects and "
        "interactions in our articles about medicines. " + DEMO_NOTE,
        "is_medical_reviewer": True,
    },
]

# Per article: authors, reviewer, days since the review (when loaded), corrections.
# The exercise article's review is overdue, so its notice and the report show it.
ARTICLE_TRUST = {
    "diazepam-for-back-pain": {
        "authors": ["alex-example", "sam-sample"],
        "medical_reviewer": "dr-dana-demo",
        "reviewed_days_ago": 14,
    },
    "nsaids-for-back-pain": {
        "authors": ["alex-example"],
        "medical_reviewer": "robin-testwell",
        "reviewed_days_ago": 60,
        "corrections": [
            {
                "days_ago": 7,
                "text": "Demonstration correction: we removed a claim that a "
                "pharmacist or prescriber always checks an anti-inflammatory "
                "painkiller is safe for you first. The article now lists who should "
                "not take one, and which medicines it interacts with.",
            }
        ],
    },
    "exercise-therapy-for-back-pain": {
        "authors": ["sam-sample"],
        "medical_reviewer": "dr-dana-demo",
        "reviewed_days_ago": 400,
    },
}


def build_people():
    """The demo people, by slug, created or updated in place."""
    return {
        data["slug"]: Person.objects.update_or_create(slug=data["slug"], defaults=data)[
            0
        ]
        for data in PEOPLE
    }


def article_trust_fields(slug, people, today):
    """build_article() fields recording who wrote and reviewed the article `slug`."""
    trust = ARTICLE_TRUST.get(slug)
    if trust is None:
        return {}
    reviewer = people[trust["medical_reviewer"]]
    reviewed = today - datetime.timedelta(days=trust["reviewed_days_ago"])
    return {
        "authors": [ArticleAuthor(person=people[s]) for s in trust["authors"]],
        "medical_reviewer": reviewer,
        "reviewed_on": reviewed,
        "review_interval_months": 12,
        "corrections": [
            Correction(
                date=today - datetime.timedelta(days=c["days_ago"]), text=c["text"]
            )
            for c in trust.get("corrections", [])
        ],
    }
