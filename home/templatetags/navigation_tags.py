"""Site-wide navigation: the breadcrumb trail and the links other apps add."""

from django import template

from wagtail.models import Page

from home import navigation
from home.breadcrumbs import Crumb, home_crumb, page_trail

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current=None):
    """The trail for this response; none on the home page.

    Views outside the page tree pass `breadcrumbs`: the crumbs after Home, each with
    a title and a url. A sub-route of a page passes `current`, the title of what it shows.
    """
    request = context.get("request")
    page = context.get("page")
    given = context.get("breadcrumbs")
    if given:
        crumbs = [home_crumb(), *given]
    elif isinstance(page, Page) and page.pk:
        crumbs = list(page_trail(request, page))
        if current and request is not None:
            crumbs.append(Crumb(str(current), request.path))
    else:
        crumbs = []
    return {"crumbs": crumbs if len(crumbs) > 1 else []}


@register.simple_tag(takes_context=True, name="nav_links")
def nav_links(context, place):
    """Links for the header or the footer ("header", "footer") from other apps."""
    return navigation.nav_links(context, place)
