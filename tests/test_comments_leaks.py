"""Every comment address, against a draft, a private and a password-protected article.

None of them may show such an article's title or comments, redirect to it, or take
a comment for it, whoever asks.
"""

from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.signing import dumps

from tests.comments_fixtures import (
    build_comment,
    form_data,
    link_in,
    pending,
    post,
    stored,
)

TITLES = ("Unpublished draft title", "Private article title", "Password article title")


def shows_no_title(response):
    body = response.content.decode()
    return not any(title in body for title in TITLES)


def test_permalink_leads_nowhere(client, hidden_article):
    comment = build_comment(hidden_article, "On a hidden article.")
    path = comment.get_absolute_url().split("#")[0]

    response = client.get(path)

    assert response.status_code == 404
    assert shows_no_title(response)


def test_permalink_resolves_only_article_comments(client, article, django_user_model):
    user = django_user_model.objects.create_user(username="someone")
    user_type = ContentType.objects.get_for_model(user).pk

    assert client.get(f"/comments/cr/{user_type}/{user.pk}/").status_code == 404
    article_type = article.content_type_id
    assert client.get(f"/comments/cr/{article_type}/{article.pk}/").status_code == 302


def test_posted_and_flagged_pages_leave_out_the_title(client, hidden_article):
    comment = build_comment(hidden_article, "On a hidden article.")

    for address in ("/comments/posted/", "/comments/flagged/"):
        response = client.get(f"{address}?c={comment.pk}")
        assert response.status_code == 200
        assert shows_no_title(response), address


def test_sent_page_gives_nothing_away(client, hidden_article):
    held = build_comment(hidden_article, "Held on a hidden article.", is_public=False)
    public = build_comment(hidden_article, "Public on a hidden article.")
    signed_target = dumps(f"articles.articlepage:{hidden_article.pk}")

    for c in (held.pk, public.pk):
        response = client.get(f"/comments/sent/?c={c}")
        assert response.status_code == 404 and shows_no_title(response)
    response = client.get(f"/comments/sent/?c={signed_target}")
    assert shows_no_title(response)


def test_reply_flag_and_delete_pages_are_not_found(
    client, hidden_article, comment_moderator
):
    comment = build_comment(hidden_article, "On a hidden article.")
    client.force_login(comment_moderator)

    for address in ("reply", "flag", "delete"):
        response = client.get(f"/comments/{address}/{comment.pk}/")
        assert response.status_code == 404, address
        assert shows_no_title(response)
    assert client.post(f"/comments/flag/{comment.pk}/").status_code == 404
    assert client.post(f"/comments/delete/{comment.pk}/").status_code == 404
    comment.refresh_from_db()
    assert not comment.is_removed and not comment.flags.exists()


def test_a_post_with_a_valid_form_hash_is_refused(client, hidden_article):
    response = post(client, hidden_article, "Sneaked in.")

    assert response.status_code == 403
    assert shows_no_title(response)
    assert "Sneaked in." in response.content.decode(), "the reader keeps their text"
    assert pending(hidden_article) == [] and mail.outbox == []


def test_a_signed_in_reader_cannot_post_either(client, private_article, reader_user):
    client.force_login(reader_user)

    response = client.post("/comments/post/", form_data(private_article, "Hi."))

    assert response.status_code == 403
    assert stored(private_article) == []


def test_a_confirmation_link_for_a_hidden_article_does_not_publish(
    client, article, regular
):
    post(client, article, "Posted while public.")
    article.unpublish()

    response = client.get(link_in(mail.outbox[0], "confirm"))

    assert response.status_code == 200
    assert "Diazepam for back pain" not in response.content.decode()
    assert "Posted while public." in response.content.decode()
    assert stored(article) == [regular]


def test_the_mute_page_leaves_out_the_title(client, hidden_article):
    follower = build_comment(hidden_article, "Following.", followup=True)
    key = signed.dumps(
        follower, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT
    ).decode()

    asked = client.get(f"/comments/mute/{key}/")
    muted = client.post(f"/comments/mute/{key}/")

    assert asked.status_code == muted.status_code == 200
    assert shows_no_title(asked) and shows_no_title(muted)
    follower.refresh_from_db()
    assert not follower.followup, "muting still works"


def test_the_article_shows_no_comments_or_form_when_hidden(
    client, private_article, password_article, reader_user
):
    build_comment(private_article, "Seen only by some.")
    build_comment(password_article, "Behind a password.")
    client.force_login(reader_user)

    private = client.get(private_article.url)

    assert private.status_code == 200, "signed-in readers may read it"
    assert "Seen only by some." not in private.content.decode()
    assert 'id="comments"' not in private.content.decode()


def test_the_rate_limit_page_leaves_out_the_title(client, hidden_article):
    for _ in range(5):
        post(client, hidden_article, "Again.")

    response = post(client, hidden_article, "Once too often.")

    assert response.status_code == 429
    assert shows_no_title(response)
