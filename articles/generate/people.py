"""Generated writers and medical reviewers, each reviewer with an admin account."""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils.text import slugify

from articles.models import Person

from . import words
from .rows import index_for_search

REVIEWERS_SHARE = 4  # one person in four reviews


def make_people(rng, count):
    """`count` new people, (writers, reviewers); slugs clear of the site's own."""
    taken = set(Person.objects.values_list("slug", flat=True))
    reviewer_count = max(2, count // REVIEWERS_SHARE)
    pairs = len(words.FIRST_NAMES) * len(words.LAST_NAMES)
    people = []
    for n, pick in enumerate(rng.sample(range(pairs), count)):
        first, last = divmod(pick, len(words.LAST_NAMES))
        first, last = words.FIRST_NAMES[first], words.LAST_NAMES[last]
        reviewer = n < reviewer_count
        role, credentials = rng.choice(
            words.REVIEWER_ROLES if reviewer else words.WRITER_ROLES
        )
        slug = slugify(f"{first} {last}")
        while slug in taken:
            slug += "-2"
        taken.add(slug)
        doctor = "Dr " if credentials.startswith("MB") else ""
        people.append(
            Person(
                name=f"{doctor}{first} {last}",
                slug=slug,
                role=role,
                credentials=credentials,
                is_medical_reviewer=reviewer,
                biography=f"{first} {'reviews' if reviewer else 'writes'} articles "
                "on treatments and the evidence behind them. A fictional person, "
                "made up to test the site at scale.",
            )
        )
    reviewers = [p for p in people if p.is_medical_reviewer]
    # Approvals are recorded against a reviewer's account, as record_review() does.
    User = get_user_model()  # noqa: N806
    accounts = User.objects.bulk_create(
        User(username=f"reviewer-{p.slug}"[:150], password=make_password(None))
        for p in reviewers
    )
    for person, account in zip(reviewers, accounts, strict=True):
        person.user = account
    people = Person.objects.bulk_create(people)
    index_for_search(Person, people)
    return (
        [p for p in people if not p.is_medical_reviewer],
        [p for p in people if p.is_medical_reviewer],
    )
