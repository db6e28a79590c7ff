"""A generated discussion is threaded exactly as readers posting one by one would thread it."""

from io import StringIO

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command

from articles.comments.builders import build_comment, comments_of
from articles.comments.generate import add_thread
from articles.models import ArticlePage


def shape(comments):
    """Each comment's place in its thread, with ids replaced by posting position."""
    position = {c.pk: n for n, c in enumerate(sorted(comments, key=lambda c: c.pk))}
    return sorted(
        (
            position[c.pk],
            position[c.thread_id],
            position[c.parent_id],
            c.level,
            c.order,
            c.nested_count,
        )
        for c in comments
    )


def test_the_thread_fields_are_those_xtd_gives_when_posted_one_by_one(
    article, other_article
):
    generated = add_thread(article, 60, seed=3)
    # Post the same discussion one comment at a time, through xtd's own threading.
    posted = {}
    for comment in sorted(generated, key=lambda c: c.pk):
        parent = posted.get(comment.parent_id) if comment.level else None
        posted[comment.pk] = build_comment(
            other_article, comment.comment, parent=parent
        )
    one_by_one = list(comments_of(other_article))
    assert shape(generated) == shape(one_by_one)


def test_comments_are_public_threaded_and_within_the_maximum_depth(article):
    comments = add_thread(article, 120, seed=1)
    assert len(comments) == 120
    assert all(c.is_public and not c.is_removed for c in comments)
    levels = {c.level for c in comments}
    assert levels == set(range(settings.COMMENTS_XTD_MAX_THREAD_LEVEL + 1))
    threads = {c.thread_id for c in comments}
    assert 10 < len(threads) < 120
    assert all(c.user_name and c.user_email.endswith("@example.com") for c in comments)
    assert len({c.comment for c in comments}) > 100


def test_replies_come_after_what_they_answer(article):
    comments = {c.pk: c for c in add_thread(article, 80, seed=2)}
    for comment in comments.values():
        if comment.level:
            assert comment.submit_date > comments[comment.parent_id].submit_date


def test_earlier_comments_keep_their_places(article):
    first = build_comment(article, "Is this still current?")
    reply = build_comment(article, "Yes, reviewed this year.", parent=first)
    add_thread(article, 30)
    first.refresh_from_db()
    reply.refresh_from_db()
    assert (first.order, first.nested_count) == (1, 1)
    assert (reply.thread_id, reply.order) == (first.pk, 2)


def test_the_same_seed_gives_the_same_discussion(article, other_article):
    texts = [c.comment for c in add_thread(article, 20, seed=7)]
    assert [c.comment for c in add_thread(other_article, 20, seed=7)] == texts
    assert [c.comment for c in add_thread(other_article, 20, seed=8)] != texts


def test_two_hundred_comments_take_a_handful_of_queries(
    article, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        add_thread(article, 200)


def test_a_reader_sees_the_whole_discussion(client, article):
    comments = add_thread(article, 40, seed=5)
    page = client.get(article.url).content.decode()
    assert "40 comments" in page
    assert all(c.user_name in page for c in comments)


def test_the_command_adds_the_discussion_to_a_published_copy(article):
    out = StringIO()
    call_command(
        "add_comment_thread",
        article=article.slug,
        count=25,
        copy_as="diazepam-discussion",
        stdout=out,
    )
    assert "Added 25 comments" in out.getvalue()
    copy = ArticlePage.objects.get(slug="diazepam-discussion")
    assert copy.live
    assert copy.get_parent().pk == article.get_parent().pk
    assert copy.title == "Diazepam for back pain (discussion)"
    assert comments_of(copy).count() == 25
    assert comments_of(article).count() == 0


def test_the_command_names_an_article_it_cannot_find(db):
    with pytest.raises(CommandError, match="No article has the slug “no-such”"):
        call_command("add_comment_thread", article="no-such", count=5)


def test_no_comments_asked_for_none_added(article):
    assert add_thread(article, 0) == []
    assert comments_of(article).count() == 0
    with pytest.raises(CommandError, match="cannot be negative"):
        call_command("add_comment_thread", article=article.slug, count=-1)
