"""Builders for the page tree and articles, shared by the demo content and the tests.

They live beside the models, not in tests/, because the demo command ships with the site.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Orderable, Page, Site

from home.models import FeaturedArticle, HomePage

from .models import ArticleIndexPage, ArticlePage, ArticleReference, Topic
from .reviews import record_review


def get_or_create_child(parent, model, slug, live=True, **fields):
    """The child of `parent` with this slug, updated with `fields`, or a new one."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, live=live, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    return page


def in_order(items):
    """Number orderable children (authors, references…) in the order given.

    The admin's forms number them; rows saved without a number come back in whatever
    order the database likes (PostgreSQL's differs from SQLite's).
    """
    for n, item in enumerate(items):
        if isinstance(item, Orderable) and item.sort_order is None:
            item.sort_order = n
    return items


def tree_root():
    """Wagtail's root page; recreated (with the default locale) if a flush removed it."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


@transaction.atomic
def build_home(
    title=settings.WAGTAIL_SITE_NAME, introduction="", hostname="localhost", port=80
):
    """The home page at the root of the default site, replacing Wagtail's welcome page."""
    root = tree_root()
    # Wagtail's own "Welcome" page is not part of this site.
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(title=title, slug="home", introduction=introduction)
        root.add_child(instance=home)
    home.title, home.introduction = title, introduction
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.root_page, site.hostname, site.port, site.site_name = (
        home,
        hostname,
        port,
        title,
    )
    site.save()
    return home


def build_index(home, title="Articles", slug="articles", introduction=""):
    index = get_or_create_child(
        home, ArticleIndexPage, slug, title=title, introduction=introduction
    )
    index.save_revision().publish()
    return index


def build_topic(name, slug, description="", **fields):
    topic, _ = Topic.objects.update_or_create(
        slug=slug, defaults={"name": name, "description": description, **fields}
    )
    return topic


@transaction.atomic
def build_article(
    index,
    title,
    *,
    slug,
    summary,
    body=(),
    references=(),
    topics=(),
    publish=True,
    reviewed_on=None,
    **fields,
):
    """An article with its body (raw StreamField data), references and topics.

    `references` are dicts of ArticleReference fields; they replace any the article had.
    Published articles are published as readers' articles are: after a medical review
    by their named reviewer (on `reviewed_on`, today by default).
    """
    for value in fields.values():
        in_order(value if isinstance(value, list) else [])
    article = get_or_create_child(
        index,
        ArticlePage,
        slug,
        live=publish,
        title=title,
        summary=summary,
        body=list(body),
        **fields,
    )
    article.references.set(in_order([ArticleReference(**ref) for ref in references]))
    article.topics.set(list(topics))
    revision = article.save_revision()
    if publish:
        publish_reviewed(article, revision, reviewed_on=reviewed_on)
    return ArticlePage.objects.get(pk=article.pk)


def reviewer_account(person):
    """The admin account behind a medical reviewer; made, unable to sign in, if missing."""
    if person.user_id:
        return person.user
    user, _ = get_user_model().objects.get_or_create(
        username=f"reviewer-{person.slug}"[:150]
    )
    user.set_unusable_password()
    user.save()
    person.user = user
    person.save(update_fields=["user"])
    return user


def publish_reviewed(article, revision=None, reviewer=None, reviewed_on=None):
    """Record a medical review of `revision` (the latest by default), then publish it."""
    revision = revision or article.get_latest_revision() or article.save_revision()
    reviewer = reviewer or revision.as_object().medical_reviewer
    record_review(
        article, revision, reviewer_account(reviewer), reviewed_on=reviewed_on
    )
    revision.publish()
    return revision


def feature(home, articles):
    """Make `articles` the home page's featured articles, in order."""
    home.featured_articles.set(
        [FeaturedArticle(article=a, sort_order=n) for n, a in enumerate(articles)]
    )
    home.save_revision().publish()
