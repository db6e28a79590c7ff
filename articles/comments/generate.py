"""Long, realistic comment threads, made in bulk: for load tests and large generated sites.

The thread fields are computed as xtd computes them one comment at a time: a top-level
comment is its own thread and parent; `order` numbers a thread depth first from 1; and
`nested_count` counts every reply beneath a comment, at any depth.
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django_comments.models import Comment
from django_comments_xtd.models import XtdComment, max_thread_level_for_content_type

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import connection, transaction
from django.utils import timezone

FIRST_NAMES = [
    "Alex",
    "Amara",
    "Bea",
    "Carlos",
    "Chen",
    "Dana",
    "Eilidh",
    "Farah",
    "Gareth",
    "Hana",
    "Ifeoma",
    "Jonas",
    "Kai",
    "Leila",
    "Marek",
    "Nadia",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Sanjay",
    "Tomasz",
    "Una",
    "Viktor",
    "Wren",
    "Yusuf",
    "Zoe",
]
LAST_INITIALS = "ABCDEFGHJKLMNOPRSTW"

OPENINGS = (
    "Thank you for setting this out so clearly.",
    "I have read this twice and still have a question.",
    "A question about {title}.",
    "This is the first explanation I have found that shows the evidence.",
    "I was prescribed this last month, so I read the article closely.",
    "My GP mentioned this and I wanted to understand it first.",
    "Quick question, if anyone knows.",
    "Useful article, and the references are appreciated.",
)
QUESTIONS = (
    "Does the advice about driving still apply after the first week?",
    "How long would it usually take before you can tell whether it helps?",
    "Is it safe to take with the painkillers I already use, or should I ask first?",
    "The safety section mentions older people: does that start at 65?",
    "What does 'low certainty' mean in practice when deciding?",
    "Are the side effects listed in order of how common they are?",
    "Would a pharmacist be able to check this for me, or only a doctor?",
    "Is there anything in the guidelines about how long to keep going?",
    "Does anyone know whether the newer trials changed the picture?",
    "Should I mention this at my next appointment or is it not worth asking?",
)
OBSERVATIONS = (
    "The table comparing the alternatives helped me more than anything else.",
    "I found the bottom line reassuring, even if it is not the answer I hoped for.",
    "It would help to have a short summary at the end of each section.",
    "The part about stopping gradually was new to me.",
    "I had not realised how small the difference was in the trials.",
    "I printed the summary to take to my appointment.",
    "The link to the guideline works and says the same thing.",
    "It is hard to judge the numbers without knowing how big the studies were.",
)
REPLIES = (
    "Good question. The article links the guideline, which covers this.",
    "As far as I understand it, that depends on your own situation, so a pharmacist "
    "is a good person to ask.",
    "I asked the same thing at my surgery and was told to keep a short diary first.",
    "The references at the bottom include the trial, if you want the detail.",
    "I think 'low certainty' means further studies could easily change the answer.",
    "Same question here. I would be glad to know too.",
    "The safety section covers this; it is worth reading the whole of it.",
    "Thanks, that is helpful.",
    "My pharmacist went through the interactions with me; it took five minutes.",
    "That matches what I was told, for what it is worth.",
)
CLOSINGS = (
    "Thanks in advance.",
    "Any pointers welcome.",
    "I appreciate this is general information, not advice.",
    "",
    "",
)


@dataclass
class Planned:
    """One comment to be inserted: its place in the tree, before it has an id."""

    parent: "Planned | None"
    level: int
    index: int
    children: list = field(default_factory=list)
    order: int = 1
    nested_count: int = 0
    pk: int | None = None

    @property
    def root(self):
        return self if self.parent is None else self.parent.root


def plan_tree(count, max_level, rng):
    """Comments in posting order, each a new thread or a reply to a recent comment."""
    planned = []
    for index in range(count):
        # Replies go to recent comments that may still take one, as in a live discussion.
        open_to_reply = [c for c in planned[-12:] if c.level < max_level]
        if not open_to_reply or rng.random() < 0.3:
            planned.append(Planned(parent=None, level=0, index=index))
            continue
        parent = rng.choice(open_to_reply)
        child = Planned(parent=parent, level=parent.level + 1, index=index)
        parent.children.append(child)
        planned.append(child)
    for root in (c for c in planned if c.parent is None):
        number_thread(root, 1)
    return planned


def number_thread(comment, order):
    """Set `order` depth first from `order`, and `nested_count`; the next free order."""
    comment.order = order
    following = order + 1
    for child in comment.children:
        following = number_thread(child, following)
    comment.nested_count = following - order - 1
    return following


def comment_text(rng, title, is_reply):
    """A plausible comment of one to three paragraphs, now and then a long one."""
    paragraphs = []
    for n in range(rng.choice((1, 1, 1, 2, 2, 3))):
        if is_reply and n == 0:
            sentences = [rng.choice(REPLIES)]
        elif n == 0:
            sentences = [rng.choice(OPENINGS).format(title=title)]
        else:
            sentences = []
        sentences += rng.sample(OBSERVATIONS + QUESTIONS, rng.randint(1, 3))
        paragraphs.append(" ".join(sentences))
    closing = rng.choice(CLOSINGS)
    if closing:
        paragraphs.append(closing)
    return "\n\n".join(paragraphs)


def reader(rng):
    first = rng.choice(FIRST_NAMES)
    initial = rng.choice(LAST_INITIALS)
    number = rng.randint(1, 999)
    return (
        f"{first} {initial}.",
        f"{first.lower()}.{initial.lower()}{number}@example.com",
    )


def add_thread(article, count, *, seed=0):
    """Add `count` published, threaded comments to `article`; returns them in thread order.

    New threads only: the article's existing comments keep their places. The same seed
    gives the same discussion.
    """
    if count <= 0:
        return []
    rng = random.Random(seed)  # noqa: S311 - invented text, not a secret
    content_type = ContentType.objects.get_for_model(type(article))
    max_level = max_thread_level_for_content_type(content_type)
    planned = plan_tree(count, max_level, rng)
    site = Site.objects.get_current()
    now = timezone.now()
    # Spread over the weeks before now, later comments later, replies after parents.
    step = timedelta(minutes=rng.randint(20, 90))
    base = [
        Comment(
            content_type=content_type,
            object_pk=str(article.pk),
            site=site,
            comment=comment_text(rng, article.title, c.parent is not None),
            submit_date=now - step * (count - c.index),
            ip_address=f"192.0.2.{rng.randint(1, 254)}",
            is_public=True,
            is_removed=False,
        )
        for c in planned
    ]
    for comment in base:
        comment.user_name, comment.user_email = reader(rng)
    with transaction.atomic():
        # XtdComment extends Comment in a table of its own, which bulk_create cannot
        # fill: the base rows go in bulk, then the thread rows in one statement.
        Comment.objects.bulk_create(base)
        for comment, row in zip(planned, base, strict=True):
            comment.pk = row.pk
        insert_thread_rows(planned)
        comments = list(
            XtdComment.objects.filter(pk__in=[c.pk for c in planned]).order_by(
                "thread_id", "order"
            )
        )
        # Bulk inserts send no signals: one ordinary save tells their receivers (the
        # page cache among them) that this article's comments changed.
        comments[-1].save(update_fields=["nested_count"])
    return comments


def insert_thread_rows(planned):
    quote = connection.ops.quote_name
    columns = [
        "comment_ptr_id",
        "thread_id",
        "parent_id",
        "level",
        "order",
        "followup",
        "nested_count",
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - fixed names
        quote(XtdComment._meta.db_table),
        ", ".join(quote(c) for c in columns),
        ", ".join(["%s"] * len(columns)),
    )
    rows = [
        (
            c.pk,
            c.root.pk,
            c.parent.pk if c.parent else c.pk,
            c.level,
            c.order,
            False,
            c.nested_count,
        )
        for c in planned
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
