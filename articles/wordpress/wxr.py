"""Reading a WordPress export (WXR): streamed, refused whole if it is not a sound export.

`read_export()` is the first pass: it reads the whole file, checks it is a UTF-8
WordPress export that ends where it should, and keeps only what is small (authors,
terms, attachments, counts). `iter_items()` is the second pass: it yields one post or
page at a time. Each element is cleared once read, so memory stays flat however large
the export.
"""

from collections import Counter
from datetime import UTC, datetime

from django.utils import timezone

from .records import Attachment, Author, Comment, Export, Item, Site, Term
from .wxr_file import AGAIN, WXRError, local_name, wxr_elements

__all__ = ["WXRError", "iter_items", "read_export"]

# Meta values kept from <wp:postmeta>; WordPress stores dozens more per post.
KEPT_META = {"_thumbnail_id", "_wp_attached_file", "_wp_attachment_image_alt"}


def text(element):
    return (element.text or "").strip()


def integer(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def wordpress_date(gmt, local=""):
    """A WordPress date ("2019-03-04 09:30:00", UTC), or its local one, as aware time."""
    for value, tz in ((gmt, UTC), (local, None)):
        try:
            parsed = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
        except (AttributeError, ValueError):
            continue
        if tz is None:
            return timezone.make_aware(parsed)
        return parsed.replace(tzinfo=tz)
    return None


def read_site(element, site):
    name = local_name(element.tag)
    value = text(element)
    if name == "title" and not site.title:
        site.title = value
    elif name == "link" and not site.link:
        site.link = value
    elif name == "wp:base_site_url":
        site.base_site_url = value
    elif name == "wp:base_blog_url":
        site.base_blog_url = value
    elif name == "wp:wxr_version":
        site.wxr_version = value


def fields(element):
    """The element's children as {local name: text}, the first of each name."""
    found = {}
    for child in element:
        found.setdefault(local_name(child.tag), child.text or "")
    return found


def read_author(element):
    values = fields(element)
    return Author(
        login=values.get("wp:author_login", "").strip(),
        email=values.get("wp:author_email", "").strip(),
        display_name=values.get("wp:author_display_name", "").strip(),
        first_name=values.get("wp:author_first_name", "").strip(),
        last_name=values.get("wp:author_last_name", "").strip(),
    )


def read_term(element):
    """A channel-level <wp:category>, <wp:tag> or <wp:term>."""
    values = fields(element)
    name = local_name(element.tag)
    if name == "wp:category":
        kind, slug, label = "category", "category_nicename", "cat_name"
        description = values.get("wp:category_description", "")
    elif name == "wp:tag":
        kind, slug, label = "post_tag", "tag_slug", "tag_name"
        description = values.get("wp:tag_description", "")
    else:
        kind, slug, label = values.get("wp:term_taxonomy", ""), "term_slug", "term_name"
        description = values.get("wp:term_description", "")
    return Term(
        kind=kind,
        slug=values.get(f"wp:{slug}", "").strip(),
        name=values.get(f"wp:{label}", "").strip(),
        description=description.strip(),
    )


def read_comment(element):
    values = fields(element)
    return Comment(
        id=integer(values.get("wp:comment_id")),
        parent_id=integer(values.get("wp:comment_parent")),
        author=values.get("wp:comment_author", ""),
        email=values.get("wp:comment_author_email", "").strip(),
        url=values.get("wp:comment_author_url", "").strip(),
        ip=values.get("wp:comment_author_IP", "").strip(),
        date=wordpress_date(
            values.get("wp:comment_date_gmt", ""), values.get("wp:comment_date", "")
        ),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "1").strip(),
        type=values.get("wp:comment_type", "").strip(),
    )


def read_item(element, with_comments=True):
    item = Item(id=0)
    dates = {}
    for child in element:
        name = local_name(child.tag)
        value = child.text or ""
        if name == "wp:post_id":
            item.id = integer(value)
        elif name == "wp:post_type":
            item.post_type = value.strip()
        elif name == "wp:status":
            item.status = value.strip()
        elif name == "title":
            item.title = value.strip()
        elif name == "link":
            item.link = value.strip()
        elif name == "wp:post_name":
            item.slug = value.strip()
        elif name in ("wp:post_date_gmt", "wp:post_date"):
            dates[name] = value
        elif name == "dc:creator":
            item.creator = value.strip()
        elif name == "content:encoded":
            item.content = value
        elif name == "excerpt:encoded":
            item.excerpt = value
        elif name == "wp:post_password":
            item.password = value
        elif name == "wp:comment_status":
            item.comment_status = value.strip()
        elif name == "wp:attachment_url":
            item.attachment_url = value.strip()
        elif name == "category":
            item.terms.append(
                Term(
                    kind=child.get("domain", "category"),
                    slug=child.get("nicename", "").strip(),
                    name=value.strip(),
                )
            )
        elif name == "wp:postmeta":
            meta = fields(child)
            key = meta.get("wp:meta_key", "").strip()
            if key in KEPT_META:
                item.meta[key] = meta.get("wp:meta_value", "").strip()
        elif name == "wp:comment" and with_comments:
            item.comments.append(read_comment(child))
    item.date = wordpress_date(
        dates.get("wp:post_date_gmt", ""), dates.get("wp:post_date", "")
    )
    return item


def attachment_of(item):
    return Attachment(
        id=item.id,
        url=item.attachment_url,
        file=item.meta.get("_wp_attached_file", ""),
        title=item.title,
        alt=item.meta.get("_wp_attachment_image_alt", ""),
    )


def read_export(path):
    """The first pass: check the whole file and keep what is small. Raises WXRError."""
    site = Site()
    authors, terms, attachments, counts = {}, [], {}, Counter()
    for element in wxr_elements(path):
        name = local_name(element.tag)
        if name == "item":
            item = read_item(element, with_comments=False)
            counts[item.post_type] += 1
            counts["comment"] += sum(
                1 for child in element if local_name(child.tag) == "wp:comment"
            )
            if item.post_type == "attachment":
                attachments[item.id] = attachment_of(item)
        elif name == "wp:author":
            author = read_author(element)
            if author.login:
                authors[author.login] = author
        elif name in ("wp:category", "wp:tag", "wp:term"):
            term = read_term(element)
            if term.slug and term.name:
                terms.append(term)
        else:
            read_site(element, site)
    if not site.wxr_version:
        raise WXRError(
            "This XML file is an RSS feed, not a WordPress export (WXR): it has no "
            f"<wp:wxr_version>. {AGAIN}"
        )
    return Export(site, authors, terms, attachments, counts)


def iter_items(path, post_types=("post", "page")):
    """The second pass: each post and page, with its comments, one at a time."""
    for element in wxr_elements(path):
        if local_name(element.tag) != "item":
            continue
        post_type = next(
            (
                text(child)
                for child in element
                if local_name(child.tag) == "wp:post_type"
            ),
            "post",
        )
        if post_type in post_types:
            yield read_item(element)
