"""What each generated article will say and who made it, decided before rows are written.

An article is one (treatment, condition, population) combination, so titles never
repeat; links to other articles go only to ones already written.
"""

from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.text import slugify

from articles.models import Person

from . import words

# Recent articles per condition kept for related links: bounded, however many are made.
RECENT_PER_CONDITION = 6


@dataclass
class ArticlePlan:
    title: str
    slug: str
    treatment: words.Treatment
    condition: words.Condition
    topics: list
    authors: list
    reviewer: Person
    first_published_at: datetime
    reviewed_on: object
    references: list = field(default_factory=list)
    alternatives: list = field(default_factory=list)  # (Treatment, page id or None)
    related: list = field(default_factory=list)  # page ids
    correction: str = ""

    @property
    def reference_keys(self):
        return [ref["key"] for ref in self.references]

    @property
    def needs_urgent_help(self):
        return any(topic.needs_urgent_help for topic in self.topics)

    @property
    def last_published_at(self):
        """Published again after the last medical review, as the workflow does."""
        reviewed = timezone.make_aware(
            datetime.combine(self.reviewed_on, datetime.min.time())
        ) + timedelta(hours=10)
        return max(self.first_published_at, min(reviewed, timezone.now()))


class Planner:
    """Plans articles from combinations, remembering what was written for links."""

    def __init__(self, rng, topics, writers, reviewers, taken_slugs):
        self.rng = rng
        self.topics = topics  # [(Condition, Topic)]
        self.writers, self.reviewers = writers, reviewers
        self.taken_slugs = set(taken_slugs)
        self.by_treatment = {}
        self.by_condition = defaultdict(lambda: deque(maxlen=RECENT_PER_CONDITION))

    @property
    def combinations(self):
        return len(words.treatments()) * len(self.topics) * len(words.POPULATIONS)

    def written(self, plan, page_id):
        self.by_treatment[plan.treatment.name] = page_id
        self.by_condition[plan.condition.name].append(page_id)

    def plan(self, combination):
        rng = self.rng
        rest, population = divmod(combination, len(words.POPULATIONS))
        treatment_n, topic_n = divmod(rest, len(self.topics))
        treatment = words.treatments()[treatment_n]
        condition, topic = self.topics[topic_n]
        title = (
            f"{treatment.name} for {condition.phrase}{words.POPULATIONS[population]}"
        )
        topics = [topic]
        other = rng.choice(self.topics)[1]
        if rng.random() < 0.3 and other is not topic:
            topics.append(other)
        first_published = timezone.now() - timedelta(days=rng.randint(40, 5 * 365))
        # Reviews within the last 14 months: one in seven is overdue (12 months).
        reviewed_on = max(
            first_published.date(),
            timezone.localdate() - timedelta(days=rng.randint(0, 420)),
        )
        plan = ArticlePlan(
            title=title,
            slug=self.free_slug(title),
            treatment=treatment,
            condition=condition,
            topics=topics,
            authors=rng.sample(self.writers, min(len(self.writers), rng.randint(1, 2))),
            reviewer=rng.choice(self.reviewers),
            first_published_at=first_published,
            reviewed_on=reviewed_on,
        )
        plan.references = self.references(plan)
        others = [t for t in words.treatments() if t is not treatment]
        plan.alternatives = [
            (t, self.by_treatment.get(t.name))
            for t in rng.sample(others, rng.randint(1, 4))
        ]
        recent = list(self.by_condition[condition.name])
        plan.related = rng.sample(recent, min(len(recent), rng.randint(0, 3)))
        if rng.random() < 0.05:
            plan.correction = (
                "We corrected the number of people in one of the trials described "
                "under “Does it help?”."
            )
        return plan

    def free_slug(self, title):
        slug = slugify(title)[:200]
        while slug in self.taken_slugs:
            slug += "-2"
        self.taken_slugs.add(slug)
        return slug

    def references(self, plan):
        rng, refs, keys = self.rng, [], set()
        for n in range(rng.randint(3, 10)):
            last, other = rng.sample(words.LAST_NAMES, 2)
            year = rng.randint(1998, 2025)
            key = f"{slugify(last)}{year}"
            if key in keys:
                key = f"{key}-{n}"
            keys.add(key)
            title = rng.choice(words.REFERENCE_KINDS).format(
                treatment=plan.treatment.phrase, condition=plan.condition.phrase
            )
            volume, page = rng.randint(1, 90), rng.randint(1, 900)
            refs.append(
                {
                    "key": key,
                    "authors": f"{last} {rng.choice('ABCDJKMRS')}, "
                    f"{other} {rng.choice('ABCDJKMRS')}, et al.",
                    "title": title[0].upper() + title[1:],
                    "publisher": rng.choice(words.PUBLISHERS),
                    "year": year,
                    "details": f"{volume}({rng.randint(1, 12)}):{page}-{page + 9}",
                    # 10.5555 is the prefix set aside for examples: it names no paper.
                    "doi": f"10.5555/{plan.slug[:60]}.{n}",
                }
            )
        return refs
