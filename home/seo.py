"""What a page tells search engines and social sites: URLs, description, preview image."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.core.paginator import Page as PaginatedList
from django.utils.text import Truncator

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

from . import text
from .context_processors import site_name_for

DESCRIPTION_LENGTH = 300
# Open Graph's recommended 1.91:1 size, which Twitter's large card also takes.
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def site_netloc(request):
    site = Site.find_for_request(request)
    return urlsplit(site.root_url).netloc if site else request.get_host()


def absolute_url(request, url):
    """`url` made absolute on this site, in the scheme the reader used.

    Wagtail's Site.root_url says http unless the site's port is 443; behind the
    production proxy the request knows better (SECURE_PROXY_SSL_HEADER).
    """
    parts = urlsplit(url)
    netloc = site_netloc(request)
    if parts.netloc and parts.netloc != netloc:
        return url  # somewhere else, e.g. media on a CDN
    return urlunsplit((request.scheme, netloc, parts.path or "/", parts.query, ""))


def plain_text(value, length=DESCRIPTION_LENGTH):
    """Rich or plain text as one line of plain text, cut at a word."""
    return Truncator(text.plain_text(value)).chars(length)


def paginated_number(context):
    """The page number of the list the view paginated, or 1."""
    for name, value in context.flatten().items():
        # Reading csrf_token would make every page carry a token (and not be cached).
        if name != "csrf_token" and isinstance(value, PaginatedList):
            return value.number
    return 1


def canonical_url(context):
    """The one address for what this response shows, or '' if it has none."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    if isinstance(page, Page):
        full_url = page.get_full_url(request)
        if not full_url:
            return ""
        path = urlsplit(full_url).path
        # A routable page's sub-route (a topic page) is served below its own path.
        if isinstance(page, RoutablePageMixin) and request.path.startswith(path):
            path = request.path
    else:
        path = request.path
    topic = context.get("current_topic")
    if topic is not None and hasattr(page, "topic_url"):
        # The index's older ?topic= filter shows what the topic's own page shows.
        path = urlsplit(page.topic_url(topic, request)).path
    query = {}
    number = paginated_number(context)
    if number > 1:
        query["page"] = number
    return absolute_url(request, f"{path}?{urlencode(query)}" if query else path)


def meta_description(context):
    """The editor's promote-tab description, else the summary or introduction."""
    page = context.get("page")
    topic = context.get("current_topic")
    candidates = [
        getattr(topic, "description", ""),
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        getattr(page, "introduction", ""),
    ]
    for value in candidates:
        text = plain_text(value)
        if text:
            return text
    return ""


@dataclass
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


def page_meta(context):
    """What includes/seo.html writes into the head, for any page.

    Page types with more to say (an article's dates and image) extend this in their
    own template tag and fill base.html's meta block with it.
    """
    page = context.get("page")
    is_page = isinstance(page, Page)
    site_name = site_name_for(context.get("request"))
    title = (page.seo_title or page.title) if is_page else site_name
    topic = context.get("current_topic")
    if topic is not None:
        title = topic.name
    return {
        "title": title,
        "description": meta_description(context),
        "canonical": canonical_url(context),
        "type": "website",
        "image": None,
        "published": None,
        "modified": None,
    }


def social_image(request, page):
    """The page's hero image cropped for link previews, or None.

    Worked out once per request: the head and the JSON-LD both show it.
    """
    if request is None:
        return preview_image(request, page)
    found = getattr(request, "_social_images", {})
    if page.pk not in found:
        found[page.pk] = preview_image(request, page)
        request._social_images = found
    return found[page.pk]


def preview_image(request, page):
    image = getattr(page, "hero_image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    except SourceImageIOError:
        return None  # the file is missing; a preview without a picture is fine
    return SocialImage(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=getattr(page, "hero_image_alt", "") or "",
    )
