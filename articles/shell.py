"""What the articles app adds to the site shell, through the hooks home/ offers.

home/ never imports articles: the front page's lists and the navigation links to the
article index arrive here, registered as Wagtail hooks.
"""

from wagtail import hooks

from home.navigation import NavLink

from .models import ArticlePage, Topic
from .templatetags.article_tags import article_index

LATEST_COUNT = 6


@hooks.register("home_page_context")
def front_page_articles(page, request, context):
    """Featured articles in the editors' order, the latest others, and topics."""
    live = ArticlePage.objects.live().public()
    featured_ids = [
        f.article_id for f in page.featured_articles.all() if f.article_id is not None
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
    context["topics"] = Topic.objects.used_by(live)
    context["home_page_sections"].append("articles/includes/home_page_articles.html")


@hooks.register("site_nav_links")
def article_index_link(context, place):
    """The article index, once it exists: "Articles" in the header, "All articles"
    in the footer."""
    url = article_index(context)[1]
    if not url:
        return []
    return [NavLink("Articles" if place == "header" else "All articles", url)]
