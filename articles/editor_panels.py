"""Panels for the article editor that fetch what they show once, not once per item.

Wagtail's choosers fetch their chosen object, and its parent page, one by one; a select
list asks the database for its choices each time it is drawn (twice per field: once for
the page, once for the editor's scripts). These panels hand the widgets what one query
has already fetched, so the editor costs the same number of queries however long the
article is.
"""

from functools import partial

from django.db.models import prefetch_related_objects
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks import BlockWidget, StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructValue
from wagtail.models import Page

from . import editor_fragments


def show_known(fetch, known, value):
    """A chooser's get_instance(), answered from objects already fetched when it can be."""
    instance = known.get(str(getattr(value, "pk", value)))
    return instance if instance is not None else fetch(value)


def give_parents(pages, known=()):
    """Set each page's parent (treebeard's get_parent() cache): one query at most.

    A page chooser shows where its page sits, asking for the parent of each chosen
    page in turn; articles share their parent, which the editor already holds.
    """
    pages = [page for page in pages if page.path and page.depth > 1]
    by_path = {page.path: page for page in known if page is not None}
    missing = {page.path[: -page.steplen] for page in pages} - by_path.keys()
    if missing:
        by_path.update(
            (page.path, page) for page in Page.objects.filter(path__in=missing)
        )
    for page in pages:
        parent = by_path.get(page.path[: -page.steplen])
        if parent is not None:
            page._cached_parent_obj = parent


def editor_parent(page):
    """The parent of the page being edited, which the edit view has already fetched."""
    if page is None or page.pk is None:
        return None
    return page.get_parent()


class BulkChooserInlinePanel(InlinePanel):
    """An InlinePanel whose children's choosers show objects fetched in one query.

    Child forms name their chosen objects by id; the objects are fetched together for
    all children (or come with the children, when the page fetched them that way).
    """

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None or self.formset.is_bound:
                return
            forms = self.formset.forms
            for name, field in self.formset.empty_form.fields.items():
                if isinstance(field.widget, BaseChooser) and forms:
                    self.fetch_chosen(forms, name)

        def fetch_chosen(self, forms, name):
            instances = [form.instance for form in forms]
            # Children the page fetched with their objects are left as they are.
            prefetch_related_objects(instances, name)
            chosen = [getattr(instance, name) for instance in instances]
            pages = [obj for obj in chosen if isinstance(obj, Page)]
            if pages:
                give_parents(pages, known=[editor_parent(self.instance)])
            known = {str(obj.pk): obj for obj in chosen if obj is not None}
            for form in forms:
                # Each child form has its own copy of the widget.
                widget = form.fields[name].widget
                widget.get_instance = partial(show_known, widget.get_instance, known)


class FetchChoicesOncePanel(FieldPanel):
    """A select list or set of checkboxes whose choices are fetched once per page load."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None:
                widget = self.bound_field.field.widget
                # iter(): list() would first ask a model choice iterator to count itself.
                widget.choices = list(iter(widget.choices))


class SharedDefinitionBlockWidget(BlockWidget):
    """A StreamField widget whose block definitions are packed once per language.

    Packing the definitions renders every block's form template; they change only when
    the code does, so each server process packs them once for each admin language.
    """

    _packed = {}

    def _build_block_json(self):
        key = (id(self.block_def), translation.get_language(), get_script_prefix())
        packed = self._packed.get(key)
        if packed is None:
            super()._build_block_json()
            packed = self._packed[key] = (self._js_context, self._block_json)
        self._js_context, self._block_json = packed


def chosen_pages(value):
    """Every page chosen anywhere inside a StreamField value, at any depth."""
    if isinstance(value, Page):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from chosen_pages(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from chosen_pages(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from chosen_pages(child)


class BodyPanel(FieldPanel):
    """A StreamField (the article's body) with its block definitions packed once, and
    its chosen pages given their parents together."""

    def on_model_bound(self):
        super().on_model_bound()
        if self.widget is None:
            self.widget = SharedDefinitionBlockWidget(self.db_field.stream_block)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.bound_field is not None and not self.form.is_bound:
                pages = list(chosen_pages(self.bound_field.value()))
                if pages:
                    give_parents(pages, known=[editor_parent(self.instance)])


class RenderOnceInlinePanel(InlinePanel):
    """An InlinePanel of plain fields, drawn once for each content it shows.

    A long reference list is most of the editor's drawing time, and most of it is the
    same from one visit to the next: the panel and each child are kept in the cache
    under keys made of everything that shapes them (editor_fragments).
    """

    @cached_property
    def child_edit_handler(self):
        handler = RenderOnceChild(self.panel_definitions, heading=self.heading)
        return handler.bind_to_model(self.db_field.related_model)

    class BoundPanel(InlinePanel.BoundPanel):
        @cached_property
        def fragments(self):
            if self.form is None or self.formset.is_bound:
                return None
            return editor_fragments.InlineFragments(self)

        def render_html(self, parent_context=None):
            if self.fragments is None:
                return super().render_html(parent_context)
            kept = self.fragments.kept_panel()
            if kept:
                return mark_safe(kept)  # noqa: S308 - drawn by Wagtail's templates
            html = super().render_html(parent_context)
            self.fragments.keep_panel(html)
            return html

        def get_context_data(self, parent_context=None):
            if self.fragments is not None:
                self.fragments.fill_children()
            return super().get_context_data(parent_context)


class RenderOnceChild(MultiFieldPanel):
    class BoundPanel(MultiFieldPanel.BoundPanel):
        rendered = None  # set by editor_fragments.InlineFragments

        def render_form_content(self):
            if self.rendered is None:
                self.rendered = super().render_form_content()
            return self.rendered
