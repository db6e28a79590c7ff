"""Readability guidance for editors, shown in the article editor."""

from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """Reading ease of the saved article, as guidance; never a gate."""
