"""“Get help urgently” in the site's own words (Settings › Urgent help)."""

from django import template

from ..urgent_help import UrgentHelpSettings

register = template.Library()


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
