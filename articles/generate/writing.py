"""Writing a batch of planned articles: pages, their child rows, revisions, search.

About fifteen statements a batch, whatever its size; Wagtail's add_child() and
save_revision() would take a dozen per article.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from articles.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleReference,
    Correction,
    RelatedArticle,
)

from .bodies import article_body
from .rows import ChildPaths, index_for_search, insert_inherited, publish_rows


class ArticleWriter:
    """Writes articles under `index`, after the children it has."""

    def __init__(self, index, rng):
        self.index, self.rng = index, rng
        self.paths = ChildPaths(index)
        self.article_type = ContentType.objects.get_for_model(ArticlePage)

    def write(self, plans):
        """Live, reviewed and indexed articles for `plans`, in order."""
        pages = [self.new_page(plan) for plan in plans]
        insert_inherited(ArticlePage, pages)
        self.paths.adopted(len(pages))
        self.attach_children(pages, plans)
        publish_rows(pages, [(plan.reviewer, plan.reviewed_on) for plan in plans])
        index_for_search(ArticlePage, pages)
        return pages

    def new_page(self, plan):
        index, t, c = self.index, plan.treatment, plan.condition
        published = plan.last_published_at
        return ArticlePage(
            title=plan.title,
            draft_title=plan.title,
            slug=plan.slug,
            content_type=self.article_type,
            path=self.paths.next(),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{plan.slug}/",
            locale_id=index.locale_id,
            live=True,
            has_unpublished_changes=False,
            first_published_at=plan.first_published_at,
            last_published_at=published,
            latest_revision_created_at=published,
            summary=f"What the evidence says about {t.phrase} for {c.phrase}: how "
            "well it works, its risks and what else might help.",
            other_names=t.other_names,
            about_treatment=t.name,
            about_treatment_type=t.treatment_type,
            about_condition=c.name,
            medical_reviewer=plan.reviewer,
            review_interval_months=12,
            body=article_body(self.rng, plan),
        )

    def attach_children(self, pages, plans):
        """References, authors, topics, related links and corrections, a query each.

        They are set on each page too, so its revision records them as the editor's
        save would.
        """
        rows = defaultdict(list)
        for page, plan in zip(pages, plans, strict=True):
            children = {
                "references": [
                    ArticleReference(sort_order=n, **ref)
                    for n, ref in enumerate(plan.references)
                ],
                "authors": [
                    ArticleAuthor(person=p, sort_order=n)
                    for n, p in enumerate(plan.authors)
                ],
                "related_links": [
                    RelatedArticle(article_id=pk, sort_order=n)
                    for n, pk in enumerate(plan.related)
                ],
                "corrections": [
                    Correction(date=plan.last_published_at.date(), text=plan.correction)
                ]
                if plan.correction
                else [],
            }
            for name, objs in children.items():
                setattr(page, name, objs)
                rows[name] += objs
            page.wagtail_admin_comments = []
            page.topics = plan.topics
            rows["topics"] += [
                ArticlePage.topics.through(articlepage_id=page.pk, topic_id=t.pk)
                for t in plan.topics
            ]
        for model, name in (
            (ArticleReference, "references"),
            (ArticleAuthor, "authors"),
            (RelatedArticle, "related_links"),
            (Correction, "corrections"),
            (ArticlePage.topics.through, "topics"),
        ):
            model.objects.bulk_create(rows[name])
