"""What a WordPress export holds, as plain records: no parser or database in sight."""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""

    @property
    def key(self):
        """What identifies this WordPress site across exports: its address, sans scheme."""
        address = self.base_blog_url or self.link or self.base_site_url
        return re.sub(r"^[a-z]+://", "", address.strip().lower()).rstrip("/")[:200]


@dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclass
class Term:
    kind: str  # "category" or "post_tag"
    slug: str
    name: str
    description: str = ""


@dataclass
class Attachment:
    id: int
    url: str = ""
    file: str = ""  # its path under wp-content/uploads, e.g. "2019/03/back.jpg"
    title: str = ""
    alt: str = ""


@dataclass
class Comment:
    id: int
    parent_id: int = 0
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: datetime | None = None
    content: str = ""
    approved: str = "1"  # "1", "0" (pending), "spam", "trash", "post-trashed"
    type: str = ""  # "", "comment", "pingback", "trackback"


@dataclass
class Item:
    id: int
    post_type: str = "post"
    status: str = "publish"
    title: str = ""
    link: str = ""
    slug: str = ""
    date: datetime | None = None
    creator: str = ""  # the author's login
    content: str = ""
    excerpt: str = ""
    password: str = ""
    comment_status: str = "open"
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # Term, in the order given
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


@dataclass
class Export:
    """What the first pass keeps: small, whatever the size of the file."""

    site: Site
    authors: dict  # login → Author
    terms: list
    attachments: dict  # id → Attachment
    counts: Counter  # post types, and "comment"

    @property
    def total(self):
        """How many posts and pages the second pass will bring."""
        return self.counts["post"] + self.counts["page"]
