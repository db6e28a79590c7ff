"""“Get help urgently” at the top of an article, in the site's own words.

The block may sit anywhere in the body; the page shows it once, near the top, and
leaves it out of the reading order below.
"""

from dataclasses import dataclass

from django import template

from ..blocks import URGENT_HELP
from ..urgent_help import UrgentHelpSettings

register = template.Library()


@dataclass
class ArticleBody:
    urgent_help: object  # the Section shown at the top, or None
    sections: list  # everything else, in the editor's order
    contents: list  # the sections "On this page" lists


@register.simple_tag
def answers_first(page):
    """The article's sections with the urgent help taken out, to be shown first."""
    urgent, sections = None, []
    for section in page.sections:
        if urgent is None and section.block.block_type == URGENT_HELP:
            urgent = section
        else:
            sections.append(section)
    contents = [s for s in sections if s.anchor and s.heading]
    return ArticleBody(urgent_help=urgent, sections=sections, contents=contents)


@register.simple_tag(takes_context=True)
def urgent_help_advice(context):
    """The site's wording for the two groups; read once per request (Wagtail caches it)."""
    request = context.get("request")
    if request is not None:
        try:
            return UrgentHelpSettings.for_request(request)
        except UrgentHelpSettings.DoesNotExist:  # a host no site answers to
            pass
    return UrgentHelpSettings()  # the wording's defaults
