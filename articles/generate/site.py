"""A large site generated beside the demo content: topics, people, articles, comments.

Articles are planned, written and commented on in batches, so memory stays flat however
many are asked for; only a few bytes per article (its comment count, its slug) are
held throughout. The same seed and sizes give the same site.
"""

import random
import time
from dataclasses import dataclass

from django.db import reset_queries
from django.utils.text import slugify

from articles.comments.generate import add_thread
from articles.models import ArticleIndexPage, ArticlePage, Topic

from . import words
from .people import make_people
from .plans import Planner
from .rows import index_for_search
from .writing import ArticleWriter

ARTICLES_PER_TOPIC = 100
ARTICLES_PER_PERSON = 50
BATCH = 500


class GenerateError(Exception):
    """The site cannot take a generated site as it is; the message says why."""


@dataclass(frozen=True)
class Sizes:
    articles: int = 10_000
    comments: int = 200_000
    batch: int = BATCH

    @property
    def topics(self):
        available = len(words.conditions())
        return min(available, max(3, round(self.articles / ARTICLES_PER_TOPIC)))

    @property
    def people(self):
        return max(4, round(self.articles / ARTICLES_PER_PERSON))

    def check(self):
        if self.articles < 1 or self.comments < 0 or self.batch < 1:
            raise GenerateError(
                "Give at least one article, no negative number of comments, and a "
                "batch of at least one."
            )
        possible = len(words.treatments()) * self.topics * len(words.POPULATIONS)
        if self.articles > possible:
            raise GenerateError(f"At most {possible:,} articles can be generated.")


@dataclass
class Report:
    articles: int = 0
    comments: int = 0
    topics: int = 0
    people: int = 0
    seconds: float = 0.0


def refuse_if_generated():
    """Generation runs once per site: a second run would duplicate topics and people."""
    slugs = [slugify(c.name) for c in words.conditions()]
    existing = list(
        Topic.objects.filter(slug__in=slugs).values_list("name", flat=True)[:3]
    )
    if existing:
        raise GenerateError(
            "This site already has generated content (topics such as "
            + ", ".join(existing)
            + "). Generate into a fresh database that holds only the demo content."
        )


def comment_counts(total, articles, rng):
    """`total` comments shared unevenly: most articles get a few, a few get hundreds."""
    weights = [rng.lognormvariate(0, 1) for _ in range(articles)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    busiest = sorted(range(articles), key=lambda n: -weights[n])
    for n in busiest[: total - sum(counts)]:
        counts[n] += 1
    return counts


def make_topics(count):
    conditions = words.conditions()[:count]
    topics = Topic.objects.bulk_create(
        Topic(
            name=c.name,
            slug=slugify(c.name),
            other_names=c.other_names,
            needs_urgent_help=c.needs_urgent_help,
            description=f"Treatments for {c.phrase}: what helps, what does not, and "
            "how sure we can be.",
        )
        for c in conditions
    )
    index_for_search(Topic, topics)
    return list(zip(conditions, topics, strict=True))


class SiteGenerator:
    def __init__(self, sizes=None, seed=0, progress=None):
        self.sizes = sizes or Sizes()
        self.seed = seed
        self.rng = random.Random(seed)  # noqa: S311 - invented content, not a secret
        self.progress = progress or (lambda message: None)

    def run(self):
        started, report, sizes = time.monotonic(), Report(), self.sizes
        sizes.check()
        index = ArticleIndexPage.objects.first()
        if index is None:
            raise GenerateError(
                "There is no articles index: load the demo content first "
                "(manage.py load_demo_content)."
            )
        refuse_if_generated()
        topics = make_topics(sizes.topics)
        writers, reviewers = make_people(self.rng, sizes.people)
        report.topics, report.people = len(topics), len(writers) + len(reviewers)
        planner = Planner(
            self.rng,
            topics,
            writers,
            reviewers,
            ArticlePage.objects.child_of(index).values_list("slug", flat=True),
        )
        writer = ArticleWriter(index, self.rng)
        counts = comment_counts(sizes.comments, sizes.articles, self.rng)
        combinations = self.rng.sample(range(planner.combinations), sizes.articles)
        for start in range(0, sizes.articles, sizes.batch):
            numbers = range(start, min(start + sizes.batch, sizes.articles))
            plans = [planner.plan(combinations[n]) for n in numbers]
            pages = writer.write(plans)
            for n, plan, page in zip(numbers, plans, pages, strict=True):
                planner.written(plan, page.pk)
                thread = add_thread(page, counts[n], seed=self.seed * 1_000_003 + n)
                report.comments += len(thread)
            report.articles += len(pages)
            reset_queries()  # DEBUG keeps every query's SQL; these are long
            self.progress(
                f"{report.articles:,}/{sizes.articles:,} articles, "
                f"{report.comments:,} comments, {time.monotonic() - started:.0f} s"
            )
        report.seconds = time.monotonic() - started
        return report
