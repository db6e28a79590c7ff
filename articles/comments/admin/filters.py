"""Filters of the comments listing: state (held by default) and article."""

import django_filters
from django_comments_xtd.models import XtdComment

from django import forms
from django.contrib.contenttypes.models import ContentType

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminPageChooser

from articles.models import ArticlePage

from ..ids import parse_id
from .states import HELD, STATE_CHOICES, filter_by_state

# Searched with the ORM (comments are not in the search index): text, name, email.
SEARCH_FIELDS = ["comment", "user_name", "user_email"]

NO_SUCH_ARTICLE = "No article has this id. Choose one with the Article filter."


class ArticleChooser(AdminPageChooser):
    """Wagtail's page chooser for articles: one article on the page, not a list of all."""

    def __init__(self, **kwargs):
        super().__init__(target_models=[ArticlePage], **kwargs)

    def get_instance(self, value):
        # The chooser renders the raw query value, which may be no id at all.
        if not isinstance(value, ArticlePage) and parse_id(value) is None:
            return None
        return super().get_instance(value)


class ArticleChoiceField(django_filters.fields.ModelChoiceField):
    """An article id from the query string: anything but an article's id is an error."""

    default_error_messages = {"invalid_choice": NO_SUCH_ARTICLE}

    def to_python(self, value):
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ArticleFilter(django_filters.ModelChoiceFilter):
    field_class = ArticleChoiceField


class CommentFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label="State",
        choices=STATE_CHOICES,
        empty_label=None,
        initial=HELD,
        widget=forms.RadioSelect,
        method="filter_state",
    )
    article = ArticleFilter(
        label="Article",
        queryset=ArticlePage.objects.all(),
        widget=ArticleChooser(),
        method="filter_article",
    )

    class Meta:
        model = XtdComment
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        # The listing opens on the held queue; "All comments" is one choice away.
        if data is not None and not data.get("state"):
            data = data.copy()
            data["state"] = HELD
        super().__init__(data, *args, **kwargs)

    def filter_state(self, queryset, name, value):
        return filter_by_state(queryset, value)

    def filter_article(self, queryset, name, value):
        return queryset.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage),
            object_pk=str(value.pk),
        )
