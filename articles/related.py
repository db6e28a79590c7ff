"""Related reading: editors' picks for an article, topped up with articles on its topics."""

from django.db import models
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

RELATED_LIMIT = 4


class RelatedArticle(Orderable):
    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    article = models.ForeignKey(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Shown first under “Related articles”, in this order. Articles that "
        "share a topic fill the remaining places.",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "article"], name="unique_related_article"
            )
        ]

    def __str__(self):
        return str(self.article)


def related_articles(page, limit=RELATED_LIMIT):
    """Live, public articles to read next: picks in order, then most shared topics.

    Two queries whatever the number of picks or topics: Wagtail's view restrictions
    (for .public()) and the articles themselves. The cards show no body: it is not read.
    """
    from .models import ArticlePage

    through = ArticlePage.topics.through
    picks = RelatedArticle.objects.filter(page_id=page.pk, article_id=OuterRef("pk"))
    page_topics = through.objects.filter(articlepage_id=page.pk).values("topic_id")
    shared = (
        through.objects.filter(articlepage_id=OuterRef("pk"), topic_id__in=page_topics)
        .order_by()
        .values("articlepage_id")
        .annotate(n=Count("topic_id"))
        .values("n")
    )
    return list(
        ArticlePage.objects.live()
        .public()
        .exclude(pk=page.pk)
        .defer("body")
        .annotate(
            picked=Exists(picks),
            pick_order=Subquery(picks.values("sort_order")[:1]),
            shared=Coalesce(Subquery(shared, output_field=IntegerField()), Value(0)),
        )
        .filter(models.Q(picked=True) | models.Q(shared__gt=0))
        .order_by(
            F("picked").desc(),
            F("pick_order").asc(nulls_last=True),
            "-shared",
            F("first_published_at").desc(nulls_last=True),
            "-pk",
        )[:limit]
    )
