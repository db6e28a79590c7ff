"""The publishing gate: what an article needs before any revision of it goes live.

Every route to "live" passes through `ArticlePage.publish()` (the edit form, bulk
actions, scheduled publishing, revert, workflow approval, `Revision.publish()`), which
calls `check()`. The edit form runs the same rules first so editors see each message
beside its field; the gate is the final word.

One exception, for moving a site in: a WordPress import revision that an administrator
let go live awaiting review (IMPORTED_AWAITING_REVIEW_ACTION) needs only the rules
that protect readers whatever an article's source. Any later revision is new, and
meets every rule.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.log_actions import log

from .blocks import URGENT_HELP
from .blocks.citations import parse_keys
from .contents import citing_items

logger = logging.getLogger(__name__)

DIRECT_PUBLISH_ACTION = "articles.published_without_review"
IMPORTED_AWAITING_REVIEW_ACTION = "articles.imported_awaiting_review"

SUMMARY_REQUIRED = (
    "Add a summary before publishing: two plain sentences that say what the "
    "article covers."
)
AUTHOR_REQUIRED = "Add at least one author before publishing."
REVIEWER_REQUIRED = "Choose a medical reviewer before publishing."
REFERENCE_REQUIRED = "Add at least one reference before publishing."
REVIEW_REQUIRED = (
    "Articles reach readers through the Medical review workflow: choose "
    "“Submit to Medical review” instead of Publish."
)
CONFIRM_DIRECT_PUBLISH = (
    "This version has not been medically reviewed. To publish it anyway, tick "
    "“Publish without medical review” on the Medical review tab; readers will not "
    "see a “Medically reviewed” stamp on it."
)


@dataclass(frozen=True)
class Problem:
    field: str | None  # the form field it belongs beside; None for the whole article
    message: str


class PublishingRefused(PermissionDenied):
    """A revision that may not go live, with every reason."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(p.message for p in self.problems))


def unresolved_citations(body, reference_keys):
    """A message naming citation keys that match no reference, or None."""
    unknown = sorted(
        {key for item in citing_items(body) for key in item.citation_keys}
        - set(reference_keys)
    )
    if not unknown:
        return None
    known = ", ".join(sorted(reference_keys)) or "none yet"
    return (
        "These citations point at no reference: "
        + ", ".join(unknown)
        + f". This article's reference keys are: {known}."
    )


def urgent_help_missing(topics, body):
    """A message naming the topics that need a “Get help urgently” block, or None."""
    needing = sorted(t.name for t in topics or () if t.needs_urgent_help)
    if not needing or body is None:
        return None
    if any(getattr(block, "block_type", None) == URGENT_HELP for block in body):
        return None
    return (
        "Add a “Get help urgently” block before publishing: articles about "
        + ", ".join(needing)
        + " must say which symptoms need urgent help."
    )


def content_problems(
    *, summary, has_author, has_reviewer, reference_keys, body, topics=()
):
    """The publishing rules, as facts in and problems out; the form and the gate share them."""
    problems = []
    if not (summary or "").strip():
        problems.append(Problem("summary", SUMMARY_REQUIRED))
    if not has_author:
        problems.append(Problem("authors", AUTHOR_REQUIRED))
    if not has_reviewer:
        problems.append(Problem("medical_reviewer", REVIEWER_REQUIRED))
    if not reference_keys:
        problems.append(Problem("references", REFERENCE_REQUIRED))
    if body is not None and (message := unresolved_citations(body, reference_keys)):
        problems.append(Problem("body", message))
    if message := urgent_help_missing(topics, body):
        problems.append(Problem("body", message))
    return problems


def body_problems(body):
    """The body's own rules (required sections, reading order, complete blocks)."""
    try:
        body.stream_block.clean(body)
    except ValidationError as error:
        messages = getattr(error, "non_block_errors", None)
        texts = [
            m for e in (messages.as_data() if messages else []) for m in e.messages
        ]
        if getattr(error, "block_errors", None):
            texts.append(
                "Some sections have missing or invalid fields: open the article and "
                "publish from its edit page to see them."
            )
        return [Problem("body", text) for text in texts or error.messages]
    return []


def article_problems(article):
    """Everything stopping this version of `article` from going live."""
    reference_keys = {
        key for ref in article.references.all() for key in parse_keys(ref.key)
    }
    return content_problems(
        summary=article.summary,
        has_author=any(a.person_id for a in article.authors.all()),
        has_reviewer=bool(article.medical_reviewer_id),
        reference_keys=reference_keys,
        body=article.body,
        topics=article.topics.all(),
    ) + body_problems(article.body)


def imported_article_problems(article):
    """What an imported article still needs to go live awaiting its medical review.

    A reviewer, references and the structured sections come with the review; a
    summary, an author and urgent-help advice are owed to readers from the start.
    """
    problems = []
    if not (article.summary or "").strip():
        problems.append(Problem("summary", SUMMARY_REQUIRED))
    if not any(a.person_id for a in article.authors.all()):
        problems.append(Problem("authors", AUTHOR_REQUIRED))
    if message := urgent_help_missing(article.topics.all(), article.body):
        problems.append(Problem("body", message))
    return problems


def import_authorisations():
    """Log entries that let an import revision go live before its medical review."""
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(
        action=IMPORTED_AWAITING_REVIEW_ACTION, user__is_superuser=True
    )


def imported_awaiting_review(revision_id):
    """Whether an administrator let this import revision go live before its review."""
    if revision_id is None:
        return False
    return import_authorisations().filter(revision_id=revision_id).exists()


def is_reviewed(revision):
    from .reviews import MedicalReview

    return MedicalReview.objects.filter(revision=revision).exists()


def direct_publish_confirmed(revision):
    """Whether an administrator already let this revision go out unreviewed.

    Scheduling is that decision: when the time comes, nobody is there to ask.
    """
    from wagtail.models import PageLogEntry

    return PageLogEntry.objects.filter(
        revision=revision,
        action__in=[DIRECT_PUBLISH_ACTION, "wagtail.publish.schedule"],
        user__is_superuser=True,
    ).exists()


def check(revision, user=None):
    """Refuse, with every reason, a revision that may not go live; log an unreviewed one."""
    article = revision.as_object()
    if imported_awaiting_review(revision.pk):
        if problems := imported_article_problems(article):
            raise PublishingRefused(problems)
        return
    problems = article_problems(article)
    if problems:
        raise PublishingRefused(problems)
    if is_reviewed(revision) or direct_publish_confirmed(revision):
        return
    if user is not None and user.is_superuser:
        log(
            instance=article,
            action=DIRECT_PUBLISH_ACTION,
            user=user,
            revision=revision,
        )
        logger.warning(
            "Article %s (page %s) revision %s published by %s without medical review",
            article.title,
            article.pk,
            revision.pk,
            user,
        )
        return
    raise PublishingRefused([Problem(None, REVIEW_REQUIRED)])
