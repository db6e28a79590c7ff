"""ArticleIndexPage and ArticlePage."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ArticleStreamBlock
from .contents import CitationIndex, body_sections
from .editorial import ArticleAuthor, Correction, ProblemReport
from .forms import ArticlePageForm
from .people import Person
from .readability import ReadabilityPanel
from .references import ArticleReference
from .topics import Topic

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticleReference",
    "Correction",
    "Person",
    "ProblemReport",
    "Topic",
]

ARTICLES_PER_PAGE = 12


class ArticleIndexPage(Page):
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        topics = Topic.objects.filter(articlepage__in=articles).distinct()
        topic = topics.filter(slug=request.GET.get("topic", "")[:80]).first()
        if topic is not None:
            articles = articles.filter(topics=topic)
        # get_page() turns a missing, malformed or out-of-range number into a real page.
        context["articles"] = Paginator(articles, ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["topics"] = topics
        context["current_topic"] = topic
        return context


class ArticlePage(Page):
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
    body = StreamField(ArticleStreamBlock(), blank=True)
    medical_reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"is_medical_reviewer": True},
        help_text="The clinician who checks this article in the Medical review task.",
    )
    last_reviewed_at = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="Set when the medical reviewer approves the article.",
    )
    last_reviewed_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Set when the medical reviewer approves the article.",
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="How long a medical review stays current: 12 months at most; shorten it "
        "for fast-moving topics.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Set on approval from the interval above; you may bring it forward.",
    )
    comments_open = models.BooleanField(
        "readers may comment",
        default=True,
        help_text="Untick to close comments. They also close automatically a set number "
        "of days after first publication (Settings › Comment settings).",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("authors", heading="Authors", label="Author", min_num=0),
        FieldPanel("medical_reviewer"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading="Hero image",
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        InlinePanel(
            "references",
            heading="References",
            label="Reference",
            help_text="Numbered in this order. Sections cite them by key.",
        ),
        InlinePanel(
            "corrections",
            heading="Corrections",
            label="Correction",
            help_text="Dated notes shown at the top of the article.",
        ),
        ReadabilityPanel(),
    ]
    review_panels = [
        FieldPanel("review_interval_months"),
        FieldPanel("next_review_due"),
        FieldPanel("last_reviewed_at", read_only=True),
        FieldPanel("last_reviewed_by", read_only=True),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_open")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(settings_panels, heading="Settings"),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
    ]
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

    @cached_property
    def sections(self):
        return body_sections(self.body)

    @cached_property
    def contents(self):
        return [s for s in self.sections if s.anchor and s.heading]

    @cached_property
    def citation_index(self):
        return CitationIndex(self.references.all(), self.body)

    @property
    def last_updated(self):
        return self.last_published_at or self.latest_revision_created_at
