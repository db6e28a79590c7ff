"""ArticleIndexPage and ArticlePage."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject, cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from home.models import StandardPage

from . import workflow  # noqa: F401  (defines MedicalReviewTask)
from .about import AboutMixin
from .blocks import ArticleStreamBlock, starting_sections
from .contents import ArticleContentsMixin
from .editor_panels import (
    BodyPanel,
    BulkChooserInlinePanel,
    FetchChoicesOncePanel,
    RenderOnceInlinePanel,
)
from .editorial import ArticleAuthor, Correction, ProblemReport
from .forms import ArticlePageForm
from .glance import AtAGlanceMixin
from .people import Person
from .readability import ReadabilityPanel
from .references import ArticleReference
from .related import RelatedArticle
from .review_panel import ReviewRecordPanel
from .review_permissions import ReviewedSectionMixin
from .reviewed_page import MedicallyReviewedMixin
from .reviews import MedicalReview
from .serializers import (
    AuthorSerializer,
    PersonSerializer,
    ReferenceSerializer,
    TopicSerializer,
)
from .topics import Topic
from .urgent_help import UrgentHelpSettings  # noqa: F401  (a site setting)

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleReference",
    "Correction",
    "MedicalReview",
    "Person",
    "ProblemReport",
    "RelatedArticle",
    "Topic",
]

ARTICLES_PER_PAGE = 12
SLUG = re.compile(r"[-\w]+")


class ArticlePaginator(Paginator):
    """Django's paginator, each page of articles about as cheap to read as the first.

    An OFFSET walks every row it skips: the last of 834 pages read all 10,000
    articles to show four. A page past the middle is read from the far end, and only
    ids are walked past; whole rows are read for the one page shown.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom <= self.count - top:
            rows = self.rows(self.object_list, bottom, top)
        else:
            backwards = self.object_list.reverse()
            rows = self.rows(backwards, self.count - top, self.count - bottom)[::-1]
        return self._get_page(rows, number, self)

    @staticmethod
    def rows(queryset, start, stop):
        """Rows start to stop, the ones before walked past by id alone."""
        if not start:
            return list(queryset[:stop])
        return list(queryset.filter(pk__in=queryset.values("pk")[start:stop]))


class ArticleIndexPage(ReviewedSectionMixin, RoutablePageMixin, Page):
    introduction = models.TextField(
        blank=True, help_text="A sentence or two shown above the list of articles."
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1

    def articles(self):
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .order_by("-first_published_at", "-pk")
            .select_related("hero_image")
            .prefetch_related("topics")
        )

    def topics(self, articles=None):
        """Topics with at least one live, public article here."""
        return Topic.objects.used_by(self.articles() if articles is None else articles)

    def topic_url(self, topic, request=None):
        return self.url_for(request) + self.reverse_subpage(
            "topic", kwargs={"slug": topic.slug}
        )

    def url_for(self, request=None):
        """This page's URL, worked out once per request: a list of topics asks often."""
        if request is None:
            return self.get_url() or ""
        urls = getattr(request, "_article_index_urls", None)
        if urls is None:
            urls = request._article_index_urls = {}
        if self.pk not in urls:
            urls[self.pk] = self.get_url(request=request) or ""
        return urls[self.pk]

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        topics = self.topics(articles)
        if topic is None:
            # The older ?topic= filter still works; links now go to topic pages.
            slug = request.GET.get("topic", "")[:80]
            # Only a well-formed slug is looked up; PostgreSQL refuses NUL characters.
            topic = topics.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
        if topic is not None:
            articles = articles.filter(topics=topic)
        # get_page() turns a missing, malformed or out-of-range number into a real page.
        context["articles"] = ArticlePaginator(articles, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["topics"] = topics
        context["current_topic"] = topic
        return context

    @path("topics/<slug:slug>/", name="topic")
    def topic_page(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        return self.render(request, topic=topic, template="articles/topic_page.html")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request=request)
        base = self.get_full_url(request=request) or ""
        # Grouped in one pass over the articles listed here: a sitemap reads them all.
        topics = Topic.objects.filter(articlepage__in=self.articles()).annotate(
            lastmod=models.Max("articlepage__last_published_at")
        )
        return urls + [
            {
                "location": base
                + self.reverse_subpage("topic", kwargs={"slug": topic.slug}),
                "lastmod": topic.lastmod,
            }
            for topic in topics
        ]


class ArticlePage(
    MedicallyReviewedMixin, AboutMixin, AtAGlanceMixin, ArticleContentsMixin, Page
):
    summary = models.TextField(
        max_length=300,
        help_text="Two sentences, plain text, at most 300 characters. Shown under the title, "
        "in lists and to search engines.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="Describe the image for people who cannot see it. Required with an image.",
    )
    topics = ParentalManyToManyField(Topic, blank=True)
    body = StreamField(
        ArticleStreamBlock(),
        blank=True,
        default=starting_sections,
        help_text="Required to publish: a Safety section and a Bottom line, with the "
        "structured sections in reading order.",
    )
    medical_reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"is_medical_reviewer": True},
        help_text="Required to publish. The clinician who checks this article in the "
        "Medical review task.",
    )
    comments_open = models.BooleanField(
        "readers may comment",
        default=True,
        help_text="Untick to close comments. They also close automatically a set number "
        "of days after first publication (Settings › Comment settings).",
    )
    content_panels = [
        *Page.content_panels,
        FieldPanel("other_names"),
        FieldPanel("summary"),
        BulkChooserInlinePanel(
            "authors",
            heading="Authors",
            label="Author",
            min_num=0,
            help_text="Required to publish: at least one author.",
        ),
        FetchChoicesOncePanel("medical_reviewer"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading="Hero image",
        ),
        FetchChoicesOncePanel("topics", widget=forms.CheckboxSelectMultiple),
        BodyPanel("body"),
        AtAGlanceMixin.glance_panel,
        RenderOnceInlinePanel(
            "references",
            heading="References",
            label="Reference",
            help_text="Required to publish: at least one reference. Numbered in this "
            "order; sections cite them by key.",
        ),
        InlinePanel(
            "corrections",
            heading="Corrections",
            label="Correction",
            help_text="Dated notes shown at the top of the article.",
        ),
        BulkChooserInlinePanel(
            "related_links",
            heading="Related articles",
            label="Related article",
            max_num=4,
            help_text="Shown first under “Related articles”, in this order; articles "
            "sharing a topic fill any places left.",
        ),
        ReadabilityPanel(),
    ]
    review_panels = [
        FieldPanel("review_interval_months"),
        ReviewRecordPanel(),
        FieldPanel("publish_without_review"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_open")]
    promote_panels = [
        *Page.promote_panels,
        AboutMixin.about_panel,
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList(settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        # Title keeps Page's boost of 2. PostgreSQL maps boosts to its four weights
        # (A-D) across every indexed model, so reuse existing values sparingly.
        index.SearchField("other_names", boost=2),  # a brand name finds it like a title
        index.SearchField("summary", boost=1.5),
        # StreamField indexes its blocks' text: findings, side effects, interactions.
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]
    api_fields = [
        APIField("other_names_list"),
        APIField("summary"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
        APIField(
            "references", serializer=ReferenceSerializer(many=True, read_only=True)
        ),
        APIField("authors", serializer=AuthorSerializer(many=True, read_only=True)),
        APIField("medical_reviewer", serializer=PersonSerializer(read_only=True)),
        APIField("last_reviewed_at"),
        APIField("next_review_due"),
    ]  # first_published_at is among Wagtail's meta fields already
    # What an API listing reads per article, fetched once for the whole listing.
    api_select_related = ("medical_reviewer",)
    api_prefetch_related = ("topics", "references", "authors__person")
    base_form_class = ArticlePageForm
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {
                    "hero_image_alt": "Describe the hero image for people who cannot see it."
                }
            )

    def get_absolute_url(self):
        return self.get_url()

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at

    @cached_property
    def author_people(self):
        """The authors as Person objects, in the editor's order."""
        return [a.person for a in self.authors.select_related("person")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        # Read only where the stored article part is rendered afresh.
        context["editorial_policy"] = SimpleLazyObject(
            lambda: StandardPage.editorial_policy(site)
        )
        return context
