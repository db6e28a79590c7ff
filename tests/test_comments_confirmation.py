"""Confirmation links: they publish a comment once, expire, and never bring one back."""

import threading
from datetime import timedelta

import pytest
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import TmpXtdComment, XtdComment

from django.conf import settings as django_settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles.comments.forms import ArticleCommentForm
from articles.comments.models import PendingComment
from tests.clients import browser_client
from tests.comments_fixtures import (
    POST_URL,
    form_data,
    link_in,
    pending,
    post,
    stored,
)
from tests.html import parse, text

ON_POSTGRES = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]


def heading(response):
    return text(parse(response.content.decode()).find("h1"))


def test_a_link_older_than_its_lifetime_has_expired_and_keeps_the_text(
    client, article, regular, settings
):
    post(client, article, "Confirmed too late.")
    (saved,) = pending(article)
    lifetime = timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS)
    PendingComment.objects.filter(pk=saved.pk).update(
        submit_date=timezone.now() - lifetime - timedelta(minutes=1)
    )

    response = client.get(link_in(mail.outbox[0], "confirm"))

    assert response.status_code == 410
    assert heading(response) == "This link has expired"
    page = parse(response.content.decode())
    assert f"{settings.COMMENTS_CONFIRMATION_DAYS} days" in text(page.find("main"))
    assert page.find("textarea").get_text() == "Confirmed too late."
    assert stored(article) == [regular]


def test_a_link_within_its_lifetime_still_works(client, article, regular, settings):
    post(client, article, "Confirmed on the last day.")
    lifetime = timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS)
    PendingComment.objects.update(
        submit_date=timezone.now() - lifetime + timedelta(minutes=5)
    )

    response = client.get(link_in(mail.outbox[0], "confirm"))

    assert response.status_code == 302
    assert stored(article)[-1].comment == "Confirmed on the last day."


def test_the_email_says_how_long_the_link_works(client, article, settings):
    post(client, article, "When does it expire?")
    (saved,) = pending(article)

    expires = timezone.localtime(saved.expires_at).strftime("%-d %B %Y")
    assert f"The link works until {expires}." in mail.outbox[0].body


@pytest.mark.parametrize("how", ["removed", "deleted"])
def test_a_link_cannot_bring_back_a_comment_a_moderator_removed(
    client, article, regular, how
):
    post(client, article, "Later removed.")
    link = link_in(mail.outbox[0], "confirm")
    client.get(link)
    comment = stored(article)[-1]
    if how == "removed":
        comment.is_removed = True
        comment.save()
    else:
        comment.delete()

    response = client.get(link)

    assert response.status_code == 410
    assert heading(response) == "This comment was removed"
    remaining = stored(article)
    assert [c.comment for c in remaining if not c.is_removed] == ["An earlier comment."]
    assert len(remaining) == (2 if how == "removed" else 1)
    assert "Later removed." not in client.get(article.url).content.decode()


def test_an_unknown_key_changes_nothing(client, article):
    response = client.get("/comments/confirm/" + "A" * 43 + "/")

    assert response.status_code == 400
    assert heading(response) == "This link does not work"


def test_deleting_the_article_deletes_comments_awaiting_confirmation(
    client, article, regular
):
    post(client, article, "On an article about to go.")
    link = link_in(mail.outbox[0], "confirm")

    article.delete()

    assert PendingComment.objects.count() == 0
    assert client.get(link).status_code == 400


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL (DATABASE_URL): SQLite serialises whole transactions, "
    "so it cannot show two confirmations racing",
)
@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_once_publish_the_comment_once(article, regular):
    for attempt in range(5):
        browser_client().post(
            POST_URL, form_data(article, f"Clicked twice at once, round {attempt}.")
        )
        link = link_in(mail.outbox[-1], "confirm")
        barrier = threading.Barrier(2)
        responses = []

        def click(link=link, barrier=barrier, responses=responses):
            try:
                barrier.wait()
                responses.append(Client().get(link))
            finally:
                connection.close()  # each thread has its own connection

        threads = [threading.Thread(target=click) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        published = [
            c for c in stored(article) if c.comment.endswith(f"round {attempt}.")
        ]
        assert len(published) == 1
        assert [r.status_code for r in responses] == [302, 302]
        assert {r["Location"] for r in responses} == {published[0].get_absolute_url()}


def legacy_link(page, comment, posted_at=None):
    """An xtd-signed confirmation link from before comments were stored, and its comment."""
    form = ArticleCommentForm(page, data=form_data(page, comment))
    assert form.is_valid(), form.errors
    old = TmpXtdComment(**form.get_comment_create_data(site_id=1))
    old.ip_address = "192.0.2.1"
    old.submit_date = posted_at or old.submit_date
    key = signed.dumps(old, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
    return f"/comments/confirm/{key.decode()}/", old


def test_a_link_emailed_before_the_change_still_confirms_its_comment_once(
    client, article, regular
):
    link, _ = legacy_link(article, "Posted before the change.")

    first, second = client.get(link), client.get(link)

    published = [c for c in stored(article) if c.comment == "Posted before the change."]
    assert len(published) == 1 and published[0].is_public
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == published[0].get_absolute_url()


def test_a_link_emailed_before_the_change_expires_like_the_others(
    client, article, regular, settings
):
    lifetime = timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS, minutes=1)
    link, _ = legacy_link(article, "Posted long ago.", timezone.now() - lifetime)

    response = client.get(link)

    assert response.status_code == 410
    assert stored(article) == [regular]


def test_a_link_confirmed_before_the_change_does_not_publish_again(
    client, article, regular
):
    link, old = legacy_link(article, "Confirmed before the change.")
    XtdComment(**old).save()  # as xtd's confirm view stored it

    response = client.get(link)

    published = [c for c in stored(article) if c.comment.startswith("Confirmed before")]
    assert len(published) == 1
    assert response.status_code == 302
