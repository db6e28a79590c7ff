"""HomePage: the site's front door."""

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .site_settings import EditorialSettings  # noqa: F401  (a model of this app)

HOME_PAGE_CONTEXT_HOOK = "home_page_context"


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
        """The introduction, then what other apps add through the hook.

        A "home_page_context" hook takes (page, request, context), adds what its
        templates need, and appends those templates to `home_page_sections`.
        """
        context = super().get_context(request, *args, **kwargs)
        context["home_page_sections"] = []
        for add_to_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            add_to_context(self, request, context)
        return context


class FeaturedArticle(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_articles"
    )
    # Named, not imported: the articles app depends on home, never the reverse.
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

    def __str__(self):
        return str(self.article)


class StandardPage(Page):
    """A plain page of prose under the home page, e.g. the editorial policy."""

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
    def editorial_policy(cls, site):
        """The live policy page chosen in `site`'s editorial settings, or None."""
        if site is None:
            return None
        return cls.objects.live().public().filter(editorial_settings__site=site).first()
