"""JSON-LD for search engines: the script element, the site, and breadcrumbs.

Page types add their own nodes (articles/structured_data.py) and fill base.html's
structured_data block with them.
"""

import json

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from home.breadcrumbs import Crumb, page_trail
from home.context_processors import site_name_for
from home.seo import absolute_url

LANGUAGE = "en-GB"
# "</script>" or "<!--" in a title must not end or confuse the element: JSON's own
# escapes keep the text the same to a parser.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    escaped = mark_safe(text)  # noqa: S308 (nothing in it can end the element)
    return format_html('<script type="application/ld+json">{}</script>', escaped)


def site_name(context):
    return site_name_for(context.get("request"))


def site_nodes(request, site_name):
    home = absolute_url(request, "/")
    organization = {
        "@type": "Organization",
        "@id": f"{home}#organization",
        "name": site_name,
        "url": home,
    }
    website = {
        "@type": "WebSite",
        "@id": f"{home}#website",
        "name": site_name,
        "url": home,
        "inLanguage": LANGUAGE,
        "publisher": {"@id": organization["@id"]},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, reverse("search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }
    return organization, website


def breadcrumb_list(request, page, topic=None):
    """The trail the reader sees (home.breadcrumbs), with absolute addresses."""
    trail = list(page_trail(request, page))
    # A topic page is a sub-route of the index: the topic is the last crumb.
    if topic is not None and trail and request.path != trail[-1].url:
        trail.append(Crumb(topic.name, request.path))
    if len(trail) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": absolute_url(request, crumb.url),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def page_graph(context, nodes=(), breadcrumbs=True):
    """One application/ld+json script: `nodes`, then the page's breadcrumbs; or ''."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return ""
    graph = list(nodes)
    if breadcrumbs and page.pk:
        crumbs = breadcrumb_list(request, page, context.get("current_topic"))
        if crumbs:
            graph.append(crumbs)
    if not graph:
        return ""
    return json_ld({"@context": "https://schema.org", "@graph": graph})
