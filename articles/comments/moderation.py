"""Moderation rules applied before a comment is public.

Posting (django_comments' comment_will_be_posted) refuses a comment outright when
`allow()` says so and holds it for a moderator when `moderate()` does. An anonymous
reader's comment is checked again when its email confirmation arrives (confirmation.py),
since the article may have closed, or the comment replied to been removed, in between.
"""

import re
import unicodedata
from dataclasses import dataclass

from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type
from django_comments_xtd.moderation import XtdCommentModerator, moderator

from django.contrib.contenttypes.models import ContentType

from articles.models import ArticlePage

from .closing import comments_are_open
from .decisions import MODERATE_PERMISSION
from .ids import parse_id
from .models import BlockedTerm
from .text import count_links

MAX_LINKS = 1

# A host name in text: dot-separated labels ending in a top-level domain.
HOST = re.compile(
    r"(?<![\w.-])"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9])"
    r"(?![\w-])"
)


def normalise(text):
    """Case- and width-folded text, so "ＢＵＹ" and "buy" match the same term."""
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def hosts_in(text):
    return set(HOST.findall(normalise(text)))


def matched_terms(texts, terms):
    """Those of `terms` found in any of `texts` (name, email, website, comment)."""
    joined = "\n".join(normalise(t) for t in texts if t)
    hosts = set().union(*(hosts_in(t) for t in texts if t))
    found = []
    for term in terms:
        if term.kind == BlockedTerm.Kind.DOMAIN:
            domain = normalise(term.term).removeprefix("www.")
            if any(h == domain or h.endswith("." + domain) for h in hosts):
                found.append(term)
        else:
            words = r"\s+".join(re.escape(w) for w in normalise(term.term).split())
            if words and re.search(rf"(?<!\w){words}(?!\w)", joined):
                found.append(term)
    return found


def blocked_terms(action):
    return list(BlockedTerm.objects.filter(action=action))


def reply_problem(reply_to, page):
    """Why a reader may not reply to comment `reply_to` on `page`, or None if they may.

    The form's security hash does not cover reply_to, so it is checked here: a forged
    or stale value must never reach the thread-ordering code.
    """
    reply_to = str(reply_to).strip()
    if reply_to in ("", "0"):
        return None
    parent_pk = parse_id(reply_to)
    parent = (
        XtdComment.norel_objects.filter(pk=parent_pk).first() if parent_pk else None
    )
    if parent is None:
        return "The comment you replied to could not be found."
    article_type = ContentType.objects.get_for_model(ArticlePage)
    if parent.content_type_id != article_type.pk or parent.object_pk != str(page.pk):
        return "The comment you replied to belongs to a different article."
    if not parent.is_public or parent.is_removed:
        return (
            "The comment you replied to is not published: it may have been removed, "
            "or it may be waiting for a moderator."
        )
    if parent.level >= max_thread_level_for_content_type(article_type):
        return (
            "Replies go three levels deep, and this conversation has reached the "
            "limit. Reply to an earlier comment in it instead."
        )
    return None


def is_trusted(user):
    """The editorial team: their comments skip the holds (not the blocklist's rejects)."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.has_perm(MODERATE_PERMISSION)


def hold_reasons(comment):
    """Why `comment` (a TmpXtdComment or XtdComment) should wait for a moderator."""
    if is_trusted(comment.user):
        return []
    reasons = []
    texts = [comment.user_name, comment.user_email, comment.user_url, comment.comment]
    held = [
        t.term for t in matched_terms(texts, blocked_terms(BlockedTerm.Action.HOLD))
    ]
    if held:
        reasons.append("contains a blocked term: " + ", ".join(held))
    if count_links(comment.comment) > MAX_LINKS:
        reasons.append("contains two or more links")
    if not XtdComment.norel_objects.filter(
        user_email__iexact=comment.user_email, is_public=True, is_removed=False
    ).exists():
        reasons.append("first comment from this email address")
    return reasons


@dataclass(frozen=True)
class Refusal:
    """Why a comment is not stored: a page title, the reader's message, a status."""

    title: str
    message: str
    status: int = 400


CLOSED = Refusal(
    "Comments are closed",
    "Comments on this article are closed, so yours has not been posted.",
    403,
)


def refusal(comment, page, request):
    """Why `comment` may not be stored at all (a Refusal), or None."""
    if not comments_are_open(page, request):
        return CLOSED
    problem = reply_problem(comment.parent_id, page)
    if problem:
        return Refusal("Your reply could not be posted", problem)
    texts = [comment.user_name, comment.user_email, comment.user_url, comment.comment]
    if matched_terms(texts, blocked_terms(BlockedTerm.Action.REJECT)):
        return Refusal(
            "Your comment could not be posted",
            "Your comment contains a word, phrase or web address we do not publish.",
        )
    return None


class ArticleCommentModerator(XtdCommentModerator):
    """The final say on every comment posted, whatever the form let through."""

    def allow(self, comment, content_object, request):
        reason = refusal(comment, content_object, request)
        if reason is not None and request is not None:
            request.comment_refusal = reason  # the post view shows it to the reader
        return reason is None

    def moderate(self, comment, content_object, request):
        return bool(hold_reasons(comment))


moderator.register(ArticlePage, ArticleCommentModerator)
