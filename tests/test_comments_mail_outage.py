"""Mail down: a reader's comment is stored first, and its emails follow when mail is back.

The outages are real: the SMTP backend points at a port that refuses connections, or
at a listener that accepts them and never answers.
"""

import time

import pytest
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.utils import timezone

from articles.comments.mail import (
    RETRY_DELAYS,
    notify_followers,
    send_confirmation_request,
    send_followup,
)
from articles.comments.models import PendingComment
from tests.comments_fixtures import (
    SMTP_BACKEND,
    build_comment,
    link_in,
    pending,
    post,
    run_mail_queue,
    smtp_working,
    stored,
    was_contacted,
)
from tests.html import parse, text


def ready_mail_tasks():
    """Queued mail tasks due now."""
    return DBTaskResult.objects.ready().filter(queue_name="mail")


def waiting_mail_tasks():
    """Queued mail tasks, due now or later."""
    return DBTaskResult.objects.filter(queue_name="mail", status="READY")


def test_a_comment_posted_while_smtp_refuses_is_saved_and_confirmed_later(
    client, article, regular, site_domain, smtp_refusing, settings
):
    # The test settings send mail at once, inside the request: the harshest case.
    response = post(client, article, "Posted while mail was down.")

    assert response.status_code == 302
    (saved,) = pending(article)
    assert saved.comment == "Posted while mail was down." and saved.emailed_at is None
    assert stored(article) == [regular], "not public before it is confirmed"
    page = parse(client.get(response["Location"]).content.decode())
    assert text(page.find("h1")) == "Check your email"
    assert "Your comment is saved" in text(page.select_one(".comment-page__message"))

    smtp_working(settings)
    assert send_confirmation_request.call(saved.pk) == "sent"

    (message,) = mail.outbox
    assert message.to == ["pat@example.com"]
    assert "Posted while mail was down." in message.body
    assert client.get(link_in(message, "confirm")).status_code == 302
    assert [c.comment for c in stored(article)] == [
        "An earlier comment.",
        "Posted while mail was down.",
    ]


def test_confirming_while_smtp_refuses_publishes_and_followers_hear_later(
    client, article, regular, settings, closed_port, mail_queue
):
    build_comment(article, "Following.", email="follow@example.com", followup=True)
    post(client, article, "Confirmed during the outage.")
    saved = pending(article)[0]
    smtp_working(settings)
    send_confirmation_request.call(saved.pk)
    link = link_in(mail.outbox[0], "confirm")
    mail.outbox.clear()
    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port

    response = client.get(link)

    assert response.status_code == 302
    assert stored(article)[-1].is_public
    assert mail.outbox == []
    smtp_working(settings)
    (notify,) = ready_mail_tasks().filter(task_path__endswith=".notify_followers")
    assert notify_followers.call(*notify.args_kwargs["args"]) == 1
    (followup,) = ready_mail_tasks().filter(task_path__endswith=".send_followup")
    assert send_followup.call(*followup.args_kwargs["args"]) == "sent"
    (message,) = mail.outbox
    assert message.to == ["follow@example.com"]
    assert "Confirmed during the outage." in message.body


def test_confirming_with_mail_sent_inline_while_smtp_refuses_still_publishes(
    client, article, regular, settings, closed_port
):
    build_comment(article, "Following.", email="follow@example.com", followup=True)
    post(client, article, "Confirmed, mail down.")
    link = link_in(mail.outbox[0], "confirm")
    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port

    response = client.get(link)

    assert response.status_code == 302
    assert stored(article)[-1].comment == "Confirmed, mail down."


def test_a_silent_smtp_server_does_not_hold_up_the_reader(
    client, article, regular, settings, silent_server, smtp_silent, mail_queue
):
    settings.EMAIL_TIMEOUT = 5
    started = time.monotonic()
    response = post(client, article, "Posted while the server hangs.")
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert not was_contacted(silent_server), "no SMTP inside the request"
    assert elapsed < settings.EMAIL_TIMEOUT
    assert len(pending(article)) == 1
    (queued,) = ready_mail_tasks()
    assert queued.task_path.endswith("send_confirmation_request")


@pytest.mark.django_db(transaction=True)
def test_the_queue_retries_a_timed_out_email_then_sends_it_when_mail_is_back(
    client, article, regular, settings, silent_server, smtp_silent, mail_queue
):
    post(client, article, "Queued through the outage.")
    (saved,) = pending(article)

    started = time.monotonic()
    run_mail_queue()  # the first attempt times out after EMAIL_TIMEOUT (1 s)
    assert time.monotonic() - started < 10
    assert was_contacted(silent_server), "the worker did try the server"

    saved.refresh_from_db()
    assert saved.emailed_at is None and mail.outbox == []
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.args_kwargs == {"args": [saved.pk], "kwargs": {"attempt": 2}}
    wait = retry.run_after - timezone.now()
    assert RETRY_DELAYS[0] - wait < RETRY_DELAYS[0] / 2, "retried later, not at once"

    smtp_working(settings)
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_mail_queue()

    (message,) = mail.outbox
    saved.refresh_from_db()
    assert saved.emailed_at is not None
    assert ready_mail_tasks().count() == 0
    assert client.get(link_in(message, "confirm")).status_code == 302
    assert stored(article)[-1].comment == "Queued through the outage."


def test_retries_stop_after_the_last_attempt(article, smtp_refusing, mail_queue):
    last_attempt = len(RETRY_DELAYS) + 1
    saved = PendingComment.objects.create(
        content_type_id=article.content_type_id,
        object_pk=str(article.pk),
        site_id=1,
        user_name="Pat",
        user_email="pat@example.com",
        comment="Never delivered.",
    )

    assert send_confirmation_request.call(saved.pk, attempt=last_attempt) == "failed"
    assert waiting_mail_tasks().count() == 0
    assert send_confirmation_request.call(saved.pk) == "retrying"
    assert waiting_mail_tasks().count() == 1
    saved.refresh_from_db()
    assert saved.emailed_at is None, "kept, awaiting a later attempt or a new post"


def test_a_signed_in_readers_comment_is_published_while_smtp_refuses(
    client, article, staff_user, smtp_refusing
):
    build_comment(article, "Following.", email="follow@example.com", followup=True)
    client.force_login(staff_user)

    response = post(client, article, "From the team, mail down.", name="", email="")

    assert response.status_code == 302
    assert stored(article)[-1].comment == "From the team, mail down."
    assert stored(article)[-1].is_public


def test_approving_while_smtp_refuses_still_approves(
    client, article, moderator, smtp_refusing
):
    build_comment(article, "Following.", email="follow@example.com", followup=True)
    held = build_comment(article, "Held.", email="new@example.com", is_public=False)
    client.force_login(moderator)

    response = client.post(f"/admin/comments/approve/{held.pk}/")

    assert response.status_code == 302
    held.refresh_from_db()
    assert held.is_public
