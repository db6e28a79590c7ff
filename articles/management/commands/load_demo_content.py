"""Load the demonstration site: home page, articles index, topics and three articles."""

import copy

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles.builders import (
    build_article,
    build_home,
    build_index,
    build_topic,
    feature,
)
from articles.comments.sites import set_site_domain
from articles.demo_content import ARTICLES, FEATURED, HOME, INDEX, TOPICS
from articles.demo_content.comments import build_demo_comments
from articles.demo_content.editorial import build_editorial_policy
from articles.demo_content.people import article_trust_fields, build_people
from articles.demo_content.related import pick_related
from articles.models import ArticlePage
from articles.workflow import assign_medical_review


def link_pages(body, index):
    """A copy of `body` with alternatives' article slugs swapped for page ids.

    Returns the copy and whether every linked article exists yet.
    """
    body = copy.deepcopy(body)
    complete = True
    for block in body:
        if block["type"] != "alternatives":
            continue
        for option in block["value"]["options"]:
            slug = option.get("page")
            if isinstance(slug, str):
                page = ArticlePage.objects.child_of(index).filter(slug=slug).first()
                option["page"] = page.pk if page else None
                complete = complete and page is not None
    return body, complete


def build_demo_topic(slug, needs_urgent_help=False, **fields):
    """A demo topic, with its urgent-help rule set as the demo content says."""
    topic = build_topic(slug=slug, **fields)
    if topic.needs_urgent_help != needs_urgent_help:
        topic.needs_urgent_help = needs_urgent_help
        topic.save(update_fields=["needs_urgent_help"])
    return topic


class Command(BaseCommand):
    help = "Load the demonstration content. Safe to run again: it updates in place."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hostname", default="127.0.0.1", help="The default site's host name."
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="The default site's port."
        )

    @transaction.atomic
    def handle(self, *args, hostname, port, **options):
        home = build_home(
            HOME["title"], HOME["introduction"], hostname=hostname, port=port
        )
        index = build_index(home, **INDEX)
        # Topics first: a topic needing urgent help advice gates every article in it.
        topics = {
            slug: build_demo_topic(slug, **fields) for slug, fields in TOPICS.items()
        }
        people, today = build_people(), timezone.localdate()

        def build(data):
            body, complete = link_pages(data["body"], index)
            page = build_article(
                index,
                data["title"],
                slug=data["slug"],
                summary=data["summary"],
                other_names=data.get("other_names", ""),
                body=body,
                references=data["references"],
                topics=[topics[slug] for slug in data["topics"]],
                **data.get("about", {}),
                **article_trust_fields(data["slug"], people, today),
            )
            return page, complete

        articles, unlinked = {}, []
        for data in ARTICLES:
            articles[data["slug"]], complete = build(data)
            if not complete:
                unlinked.append(data)
        # Articles can link to each other; the second pass fills links to later ones.
        for data in unlinked:
            articles[data["slug"]], _ = build(data)

        feature(home, [articles[slug] for slug in FEATURED])
        pick_related(articles)
        build_demo_comments(articles)
        # Comment emails and permalinks are built on django.contrib.sites' domain.
        set_site_domain(
            hostname if port in (80, 443) else f"{hostname}:{port}", HOME["title"]
        )
        assign_medical_review(index)
        build_editorial_policy(home)
        if options["verbosity"]:
            self.stdout.write(
                f"Demo content loaded: {len(articles)} articles, {len(topics)} topics, "
                f"{len(FEATURED)} featured, site at http://{hostname}:{port}/"
            )
