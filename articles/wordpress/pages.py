"""What a WordPress post or page becomes: the fields of an article or a standard page."""

import uuid

from django.utils.text import Truncator, slugify

from home.models import StandardPage

from ..editorial import ArticleAuthor
from ..models import ArticlePage
from .ledger import fingerprint
from .media import relative_path
from .rich_text import plain_text, to_rich_text
from .sections import split, stream_blocks

SUMMARY_MAX = ArticlePage._meta.get_field("summary").max_length
TITLE_MAX = 255
PAGE_IMAGES = "images in pages (standard pages have no place for images)"


def title_of(item):
    return (item.title or f"Untitled {item.post_type} {item.id}")[:TITLE_MAX]


def summary_of(item, sections):
    """The excerpt, or the post's opening words: the summary is needed to save."""
    text = plain_text(item.excerpt)
    if not text:
        text = next((t for s in sections if (t := plain_text(s.html))), "")
    return Truncator(text or title_of(item)).chars(SUMMARY_MAX)


def free_slug(parent, wanted, item):
    base = (slugify(wanted, allow_unicode=True) or f"{item.post_type}-{item.id}")[:200]
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def image_files(item, cleaned, images):
    """Which of the post's image files are there now: a file added later changes this."""
    refs = [r.src for r in cleaned.images]
    thumbnail = images.attachments.get(_int(item.meta.get("_thumbnail_id")))
    if thumbnail:
        refs.append(thumbnail.file or thumbnail.url)
    found = []
    for ref in refs:
        relative = relative_path(ref) if "://" in ref or ref.startswith("/") else ref
        found.append((relative, bool(relative and images.locate(relative)[0])))
    return found


def post_fingerprint(item, cleaned, images):
    return fingerprint(
        item.title,
        item.slug,
        item.content,
        item.excerpt,
        item.creator,
        item.status,
        item.comment_status,
        [(t.kind, t.slug, t.name) for t in item.terms],
        item.meta.get("_thumbnail_id"),
        image_files(item, cleaned, images),
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def image_block(image, alt):
    return {
        "type": "image",
        "value": {
            "image": {
                "image": image.pk,
                "decorative": False,
                "alt_text": alt or image.title,
            },
            "caption": "",
        },
        "id": str(uuid.uuid4()),
    }


def article_fields(item, cleaned, context, report):
    """ArticlePage fields for a post; images, people and topics found or made."""
    sections = split(cleaned.html)
    body = []
    for section in sections:
        found = (
            context.images.for_ref(cleaned.images[index], report)
            for index in section.images
        )
        image_blocks = [image_block(image, alt) for image, alt in found if image]
        body += stream_blocks(section, image_blocks)
    hero, hero_alt = None, ""
    if (thumbnail := _int(item.meta.get("_thumbnail_id"))) is not None:
        hero, hero_alt = context.images.for_attachment(thumbnail, report)
    person = context.authors.person_for(item.creator, report)
    return {
        "title": title_of(item),
        "summary": summary_of(item, sections),
        "body": body,
        "hero_image": hero,
        "hero_image_alt": (hero_alt or title_of(item))[:250] if hero else "",
        "comments_open": item.comment_status != "closed",
        "authors": [ArticleAuthor(person=person, sort_order=0)] if person else [],
        "topics": context.terms.topics_for(item.terms, report),
    }


def standard_page_fields(item, cleaned, report):
    if cleaned.images:
        report.skipped("images", PAGE_IMAGES, len(cleaned.images))
    features = StandardPage._meta.get_field("body").features
    return {
        "title": title_of(item),
        "introduction": plain_text(item.excerpt),
        "body": to_rich_text(cleaned.html, features),
    }
