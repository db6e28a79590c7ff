"""Deleting an article takes its comments and their flags with it."""

import pytest
from django_comments.models import Comment, CommentFlag
from django_comments_xtd.models import XtdComment

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Page


def make_comment(target, text="A comment.", **fields):
    return XtdComment.objects.create(
        content_object=target,
        site_id=1,
        user_name="Reader",
        user_email="reader@example.org",
        comment=text,
        **fields,
    )


@pytest.fixture
def flagger(django_user_model):
    return django_user_model.objects.create_user(username="flagger")


@pytest.fixture
def discussed(article_factory, flagger):
    """Two articles, each with a comment, a reply and a flag."""
    articles = [article_factory(), article_factory()]
    for article in articles:
        comment = make_comment(article, is_public=True)
        make_comment(article, "A reply.", parent_id=comment.pk)
        CommentFlag.objects.create(
            comment=comment, user=flagger, flag=CommentFlag.SUGGEST_REMOVAL
        )
    return articles


def comments_on(page):
    return XtdComment.objects.filter(object_pk=str(page.pk))


def assert_nothing_dangles():
    assert not CommentFlag.objects.exclude(comment__in=Comment.objects.all()).exists()
    assert Comment.objects.count() == XtdComment.objects.count()


def test_deleting_an_article_removes_its_comments_and_flags(discussed):
    gone, kept = discussed
    gone_pk = gone.pk
    gone.delete()
    assert not XtdComment.objects.filter(object_pk=str(gone_pk)).exists()
    assert comments_on(kept).count() == 2
    assert CommentFlag.objects.count() == 1
    assert_nothing_dangles()


def test_deleting_the_index_removes_comments_of_every_article_under_it(
    discussed, index
):
    Page.objects.get(pk=index.pk).delete()
    assert not XtdComment.objects.exists()
    assert not CommentFlag.objects.exists()
    assert_nothing_dangles()


def test_deleting_an_article_in_the_admin_removes_its_comments(
    client, editor, discussed
):
    gone, kept = discussed
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[gone.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=gone.pk).exists()
    assert not comments_on(gone).exists()
    assert comments_on(kept).count() == 2
    assert_nothing_dangles()


def test_comments_wrongly_attached_to_the_bare_page_go_too(article_factory):
    article = article_factory()
    stray = XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        object_pk=str(article.pk),
        site_id=1,
        user_name="Reader",
        comment="Attached to the bare page.",
    )
    article.delete()
    assert not XtdComment.objects.filter(pk=stray.pk).exists()


def test_deleting_another_kind_of_object_with_the_same_id_keeps_comments(discussed):
    article = discussed[0]
    assert not get_user_model().objects.filter(pk=article.pk).exists()
    get_user_model().objects.create_user(username="same-id", id=article.pk).delete()
    assert comments_on(article).count() == 2
