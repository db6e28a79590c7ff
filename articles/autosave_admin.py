"""Autosave in the page editor never saves behind the editor's own submit."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_editor_js")
def autosave_before_submit():
    return format_html(
        '<script src="{}" defer></script>',
        static("articles/js/autosave-before-submit.js"),
    )
