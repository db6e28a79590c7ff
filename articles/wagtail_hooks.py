from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# The editorial workflow's admin, the publishing gate's messages, the editor's autosave
# guard and the review-date reports live in their own modules; shell adds the articles
# to the home page and the site's navigation.
from . import (  # noqa: F401
    autosave_admin,
    editorial_admin,
    publishing_admin,
    review_admin,
    shell,
)
from .editor_view import ArticlePageViewSet
from .topics import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("register_admin_viewset")
def register_article_page_viewset():
    return ArticlePageViewSet("article_pages")
