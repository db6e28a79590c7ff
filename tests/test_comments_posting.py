"""A reader posts a comment: by email confirmation, signed in, or refused with a reason."""

import time

import pytest

from django.core import mail

from articles.comments.forms import ArticleCommentForm
from tests.comments_fixtures import (
    POST_URL,
    build_comment,
    form_data,
    link_in,
    post,
    stored,
)
from tests.html import parse, text


def test_anonymous_reader_confirms_by_email_and_the_comment_is_published_once(
    client, article, regular, site_domain
):
    response = post(client, article, "Diazepam made me drowsy too.")

    assert response.status_code == 302
    assert response["Location"].startswith("/comments/sent/?c=")
    assert stored(article) == [regular], "nothing is stored before confirmation"
    sent = parse(client.get(response["Location"]).content.decode())
    assert text(sent.find("h1")) == "Check your email"

    (message,) = mail.outbox
    assert message.to == ["pat@example.com"]
    assert message.subject == "Confirm your comment"
    assert "Diazepam made me drowsy too." in message.body
    assert f"https://{site_domain}{article.url}" in message.body
    assert f"https://{site_domain}/comments/confirm/" in message.body
    html, _ = message.alternatives[0]
    assert f'href="https://{site_domain}/comments/confirm/' in html

    confirm = link_in(message, "confirm")
    first = client.get(confirm)
    second = client.get(confirm)

    comments = stored(article)
    assert len(comments) == 2
    comment = comments[1]
    assert comment.is_public and comment.comment == "Diazepam made me drowsy too."
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == comment.get_absolute_url()
    assert "Diazepam made me drowsy too." in client.get(article.url).content.decode()


def test_permalink_redirects_to_the_article_on_the_site_domain(
    client, article, regular, site_domain
):
    url = regular.get_absolute_url()
    path, fragment = url.split("#")

    response = client.get(path)

    assert fragment == f"c{regular.pk}"
    assert response.status_code == 302
    assert response["Location"] == f"http://{site_domain}{article.url}"


def test_first_comment_from_an_email_address_waits_for_a_moderator(client, article):
    post(client, article, "My first comment.", email="new@example.com")
    response = client.get(link_in(mail.outbox[0], "confirm"))

    page = parse(response.content.decode())
    assert response.status_code == 200
    assert text(page.find("h1")) == "Your comment is waiting for a moderator"
    (comment,) = stored(article)
    assert not comment.is_public
    assert "My first comment." not in client.get(article.url).content.decode()
    # A second click says the same, rather than leading to a comment nobody can see.
    again = parse(client.get(link_in(mail.outbox[0], "confirm")).content.decode())
    assert text(again.find("h1")) == "Your comment is waiting for a moderator"
    assert len(stored(article)) == 1


def test_signed_in_team_member_posts_at_once_without_an_email(
    client, article, staff_user
):
    client.force_login(staff_user)

    response = post(client, article, "From the team.", name="", email="")

    (comment,) = stored(article)
    assert comment.is_public and comment.user == staff_user
    assert comment.user_email == "sam@example.org"
    assert mail.outbox == []
    sent = client.get(response["Location"])
    assert sent.status_code == 302
    assert sent["Location"] == comment.get_absolute_url()


def test_signed_in_reader_skips_email_but_not_the_first_comment_hold(
    client, article, reader_user
):
    client.force_login(reader_user)

    response = post(client, article, "Hello.", name="", email="")

    (comment,) = stored(article)
    assert not comment.is_public and mail.outbox == []
    page = parse(client.get(response["Location"]).content.decode())
    assert text(page.find("h1")) == "Your comment is waiting for a moderator"


def test_errors_show_beside_fields_and_in_a_summary_and_keep_what_was_typed(
    client, article
):
    response = post(
        client, article, "What I wrote, kept.", name="", email="not-an-email"
    )

    assert response.status_code == 200
    page = parse(response.content.decode())
    assert text(page.find("title")).startswith("Error: Check your comment")
    assert page.find("a", href=article.url).get_text() == article.title
    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert"
    links = {a["href"]: text(a) for a in summary.find_all("a")}
    assert links == {
        "#id_name": "Enter your name.",
        "#id_email": "Enter an email address in the form name@example.com.",
    }
    for name in ("name", "email"):
        field = page.find(id=f"id_{name}")
        assert field["aria-invalid"] == "true"
        assert f"id_{name}_error" in field["aria-describedby"].split()
        assert page.find(id=f"id_{name}_error") is not None
    assert page.find(id="id_email")["value"] == "not-an-email"
    assert page.find("textarea", id="id_comment").get_text().strip() == (
        "What I wrote, kept."
    )
    assert stored(article) == [] and mail.outbox == []


def test_a_comment_over_the_length_limit_is_refused_with_its_length(
    client, article, settings
):
    response = post(client, article, "x" * (settings.COMMENT_MAX_LENGTH + 1))

    page = parse(response.content.decode())
    assert text(page.find(id="id_comment_error")) == (
        "Error: Your comment is 3001 characters long. Shorten it to 3000 characters "
        "or fewer."
    )
    assert stored(article) == []


def test_an_empty_comment_is_refused(client, article):
    page = parse(post(client, article, " \n\u200b ").content.decode())
    assert text(page.find(id="id_comment_error")) == "Error: Write your comment."


def test_the_spam_trap_refuses_robots(client, article):
    response = post(client, article, honeypot="https://spam.example")

    assert response.status_code == 400
    page = parse(response.content.decode())
    assert text(page.find("h1")) == "Your comment could not be posted"
    assert stored(article) == []


@pytest.mark.parametrize(
    "change",
    [
        {"security_hash": "0" * 40},
        {"object_pk": "999999"},
        {"content_type": "auth.user", "object_pk": "1"},
        {"content_type": ""},
    ],
)
def test_a_forged_form_is_refused(client, article, regular, change):
    response = post(client, article, "Forged.", **change)

    assert response.status_code == 400
    assert stored(article) == [regular]
    assert "Forged." in response.content.decode(), "the reader can copy their text"


def test_a_form_left_open_too_long_is_refused_with_the_text_kept(client, article):
    form = ArticleCommentForm(article)
    old = int(time.time()) - 3 * 60 * 60
    data = form_data(
        article,
        "Typed long ago.",
        timestamp=str(old),
        security_hash=form.initial_security_hash(old),
    )

    response = client.post(POST_URL, data)

    assert response.status_code == 400
    page = parse(response.content.decode())
    assert "expired" in text(page.select_one(".comment-page__message"))
    assert page.find("textarea").get_text() == "Typed long ago."
    assert stored(article) == []


def test_posting_is_post_only(client, article):
    assert client.get(POST_URL).status_code == 405


def test_more_than_five_posts_a_minute_from_one_address_are_refused(
    client, article, regular
):
    for n in range(5):
        assert post(client, article, f"Comment {n}").status_code == 302

    response = post(client, article, "One too many.")

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = parse(response.content.decode())
    assert text(page.find("h1")) == "Please wait a minute"
    assert page.find("textarea").get_text() == "One too many."
    assert len(mail.outbox) == 5
    # Another address is not affected.
    other = client.post(POST_URL, form_data(article), REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_followers_are_emailed_and_can_mute_with_the_link(
    client, article, staff_user, site_domain
):
    follower = build_comment(
        article, "Tell me more.", email="follow@example.com", followup=True
    )
    client.force_login(staff_user)

    post(client, article, "Here is more.", name="", email="")

    (message,) = mail.outbox
    assert message.to == ["follow@example.com"]
    assert message.subject == "A new comment on an article you follow"
    assert "Here is more." in message.body
    assert f"https://{site_domain}/comments/cr/" in message.body
    mute = link_in(message, "mute")
    client.logout()

    asked = client.get(mute)
    follower.refresh_from_db()
    assert asked.status_code == 200 and follower.followup, "a GET changes nothing"
    assert parse(asked.content.decode()).find("form", method="post") is not None

    muted = client.post(mute)
    follower.refresh_from_db()
    assert muted.status_code == 200 and not follower.followup
    assert text(parse(muted.content.decode()).find("h1")) == "Emails stopped"
    assert client.post(mute).status_code == 200, "a second click says the same"


@pytest.mark.parametrize("name", ["confirm", "mute"])
def test_a_damaged_email_link_gets_a_clear_page(client, home, name):
    response = client.get(f"/comments/{name}/not.a-real-key/")

    assert response.status_code == 400
    assert (
        text(parse(response.content.decode()).find("h1")) == "This link does not work"
    )
