"""Inline panels of the article editor, drawn once for each content they can show.

Drawing a child form (a reference's nine fields in Wagtail's field templates) costs the
same every time, and a long reference list is most of the editor's drawing time. A
child's HTML depends only on the form's shape (its panels, labels, help, permissions
and the admin's language: all visible in the empty form drawn for "Add"), the child's
position and its values; that is the key it is kept under. The whole panel is kept
too, under its children's keys, so an article opened again costs one cache read.

Forms bound to submitted data (errors, autosave) are always drawn afresh, and so are
forms whose widgets show other objects (choosers, select lists), whose titles could
change behind the key.
"""

import hashlib

from django.core.cache import cache
from django.forms import ModelChoiceField
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

import wagtail
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.blocks import BlockField

KEY_PREFIX = "articles:editor:"
TIMEOUT = 24 * 60 * 60


def digest(*parts):
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def shows_other_objects(field):
    if field.widget.is_hidden:
        return False  # the child's own id, its position
    return isinstance(field, ModelChoiceField | BlockField) or isinstance(
        field.widget, BaseChooser
    )


def is_plain(form):
    """Whether the form shows nothing but its own values."""
    return not any(shows_other_objects(field) for field in form.fields.values())


def values(form):
    return tuple((name, form[name].value()) for name in form.fields)


def visible_prefixes(panel):
    for child in getattr(panel, "visible_children", ()):
        yield child.prefix
        yield from visible_prefixes(child)


_shapes = {}


class InlineFragments:
    """The kept HTML of an unbound inline panel (a BoundPanel) and of its children."""

    def __init__(self, panel):
        self.panel = panel

    @cached_property
    def shape(self):
        """A digest of the empty child's HTML, drawn once per process for each form.

        What can make two forms of the same panel differ (language, time zone, fields
        the user may not edit, panels the user may not see) is in the memo's key.
        """
        empty = self.panel.empty_child
        key = (
            id(self.panel.panel),
            translation.get_language(),
            timezone.get_current_timezone_name(),
            tuple(empty.form.fields),
            tuple(visible_prefixes(empty)),
        )
        shape = _shapes.get(key)
        if shape is None:
            html = str(empty.render_form_content())
            shape = _shapes[key] = digest(html, wagtail.__version__)
        return shape

    @cached_property
    def child_keys(self):
        """{key: child} for the children that can be kept, all of them or none."""
        children = self.panel.children
        if not all(is_plain(child.form) for child in children):
            return None
        return {
            KEY_PREFIX
            + digest(
                self.shape, child.prefix, child.form.prefix, values(child.form)
            ): child
            for child in children
        }

    @cached_property
    def panel_key(self):
        if self.child_keys is None:
            return None
        panel = self.panel
        definition = panel.panel
        return KEY_PREFIX + digest(
            self.shape,
            panel.prefix,
            type(definition).__name__,
            str(definition.heading),
            str(definition.label),
            str(panel.help_text),
            definition.min_num,
            definition.max_num,
            tuple(self.child_keys),
        )

    def kept_panel(self):
        return self.panel_key and cache.get(self.panel_key)

    def keep_panel(self, html):
        if self.panel_key:
            cache.set(self.panel_key, str(html), TIMEOUT)

    def fill_children(self):
        """Give each child its kept HTML; draw and keep the rest."""
        if not self.child_keys:
            return
        found = cache.get_many(list(self.child_keys))
        drawn = {}
        for key, child in self.child_keys.items():
            if key in found:
                child.rendered = mark_safe(found[key])  # noqa: S308 - drawn by Wagtail
            else:
                drawn[key] = str(child.render_form_content())
        if drawn:
            cache.set_many(drawn, TIMEOUT)
