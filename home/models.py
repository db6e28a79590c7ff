"""HomePage: the site's front door."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from articles.models import ArticlePage, Topic

LATEST_COUNT = 6


class HomePage(Page):
    introduction = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Who we are and what readers find here, in two or three sentences.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_articles",
            heading="Featured articles",
            label="Featured article",
            max_num=6,
            help_text="Shown first on the home page, in this order.",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live = ArticlePage.objects.live().public()
        featured_ids = [
            f.article_id
            for f in self.featured_articles.all()
            if f.article_id is not None
        ]
        featured = {
            a.pk: a for a in live.filter(pk__in=featured_ids).prefetch_related("topics")
        }
        context["featured"] = [featured[pk] for pk in featured_ids if pk in featured]
        context["latest"] = (
            live.exclude(pk__in=featured_ids)
            .order_by("-first_published_at", "-pk")
            .prefetch_related("topics")[:LATEST_COUNT]
        )
        context["topics"] = Topic.objects.filter(articlepage__in=live).distinct()
        return context


class FeaturedArticle(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_articles"
    )
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    def __str__(self):
        return str(self.article)


class StandardPage(Page):
    """A plain page of prose under the home page, e.g. the editorial policy."""

    EDITORIAL_POLICY_SLUG = "editorial-policy"

    introduction = models.TextField(
        blank=True, help_text="One or two sentences shown under the title."
    )
    body = RichTextField(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text="Use headings (Heading 2, then Heading 3) to break up long pages.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    @classmethod
    def editorial_policy(cls):
        """The live editorial policy page, which every article links to, or None."""
        return (
            cls.objects.live().public().filter(slug=cls.EDITORIAL_POLICY_SLUG).first()
        )
