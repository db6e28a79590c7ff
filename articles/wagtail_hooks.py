from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# The editorial workflow's admin and the review-date reports live in their own modules.
from . import editorial_admin, publishing_admin, review_admin  # noqa: F401
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
