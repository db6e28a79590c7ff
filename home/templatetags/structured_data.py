"""JSON-LD for search engines: articles, breadcrumbs, and the site on its home page."""

import json

from django import template
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from articles.models import ArticlePage
from home.breadcrumbs import Crumb, page_trail
from home.models import HomePage
from home.seo import absolute_url, canonical_url, meta_description, social_image

register = template.Library()

LANGUAGE = "en-GB"
# "</script>" or "<!--" in a title must not end or confuse the element: JSON's own
# escapes keep the text the same to a parser.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data):
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    escaped = mark_safe(text)  # noqa: S308 (nothing in it can end the element)
    return format_html('<script type="application/ld+json">{}</script>', escaped)


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


def person_node(request, person):
    node = {"@type": "Person", "name": person.name}
    if person.role:
        node["jobTitle"] = person.role
    if person.credentials:
        node["honorificSuffix"] = person.credentials
    node["url"] = absolute_url(request, person.get_absolute_url())
    return node


def subjects(page):
    """What the article is about: the editor's named treatment and condition, else
    its topics. Nothing is guessed."""
    things = []
    if page.about_treatment:
        things.append(
            {
                "@type": page.about_treatment_type or "Drug",
                "name": page.about_treatment,
            }
        )
    if page.about_condition:
        things.append({"@type": "MedicalCondition", "name": page.about_condition})
    if things:
        return things
    if page.pk and not getattr(page, "_cluster_related_objects", None):
        # Into the page's own cache, so the topic links in the page reuse them.
        prefetch_related_objects([page], "topics")
    return [{"@type": "Thing", "name": t.name} for t in page.topics.all()]


def citation_node(reference):
    scholarly = bool(reference.doi or reference.pmid)
    node = {
        "@type": "ScholarlyArticle" if scholarly else "CreativeWork",
        "name": reference.title,
    }
    if reference.authors:
        # Free text, often a group ("NICE"): left as text rather than guessed people.
        node["author"] = reference.authors
    if reference.year:
        node["datePublished"] = str(reference.year)
    if reference.publisher:
        node["isPartOf" if scholarly else "publisher"] = {
            "@type": "Periodical" if scholarly else "Organization",
            "name": reference.publisher,
        }
    links = [u for u in (reference.doi_url, reference.pubmed_url) if u]
    url = reference.url or (links[0] if links else "")
    if url:
        node["url"] = url
    if links:
        node["sameAs"] = links
    return node


def medical_web_page(request, page, site_name, url):
    home = absolute_url(request, "/")
    node = {
        "@type": "MedicalWebPage",
        "@id": f"{url}#webpage",
        "url": url,
        "headline": page.title,
        "name": page.seo_title or page.title,
        "description": meta_description({"page": page}),
        "inLanguage": LANGUAGE,
        "isPartOf": {"@type": "WebSite", "@id": f"{home}#website", "url": home},
        "publisher": {
            "@type": "Organization",
            "@id": f"{home}#organization",
            "name": site_name,
            "url": home,
        },
    }
    if page.first_published_at:
        node["datePublished"] = page.first_published_at.isoformat()
    if page.last_updated:
        node["dateModified"] = page.last_updated.isoformat()
    image = social_image(request, page)
    if image:
        node["image"] = image.url
    # Shared with the byline, so the people are fetched once.
    authors = [person_node(request, person) for person in page.author_people]
    if authors:
        node["author"] = authors
    # Only a review of what readers see: not an assigned reviewer, nor an older version.
    if page.live_content_reviewed:
        node["lastReviewed"] = page.last_reviewed_at.isoformat()
        node["reviewedBy"] = person_node(request, page.last_reviewed_by)
    about = subjects(page)
    if about:
        node["about"] = about
    citations = [citation_node(entry.reference) for entry in page.citation_index]
    if citations:
        node["citation"] = citations
    return node


@register.simple_tag(takes_context=True)
def structured_data(context):
    """One application/ld+json script describing the page, or nothing."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page):
        return ""
    site_name = context.get("site_name") or "Clear Health"
    graph = []
    if isinstance(page, HomePage):
        graph.extend(site_nodes(request, site_name))
    elif isinstance(page, ArticlePage):
        url = canonical_url(context)
        if url:
            graph.append(medical_web_page(request, page, site_name, url))
    if not isinstance(page, HomePage) and page.pk:
        crumbs = breadcrumb_list(request, page, context.get("current_topic"))
        if crumbs:
            graph.append(crumbs)
    if not graph:
        return ""
    return json_ld({"@context": "https://schema.org", "@graph": graph})
