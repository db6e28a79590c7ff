"""The rules a comment passes before it is public: holds, rejections and closing."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from articles.comments.closing import comments_are_open
from articles.comments.models import BlockedTerm, CommentSettings
from articles.comments.moderation import hold_reasons
from articles.comments.thread import article_comments
from tests.comments_fixtures import build_comment, link_in, post, stored
from tests.html import parse, text


def confirm_last(client):
    return client.get(link_in(mail.outbox[-1], "confirm"))


def posted(client, article, comment, **fields):
    """Post as the returning reader pat@example.com and confirm; the stored comment."""
    post(client, article, comment, **fields)
    confirm_last(client)
    return stored(article)[-1]


@pytest.fixture
def blocked(db):
    def make(term, kind="phrase", action="hold"):
        return BlockedTerm.objects.create(term=term, kind=kind, action=action)

    return make


def test_a_returning_reader_with_one_link_is_published(client, article, regular):
    comment = posted(client, article, "NICE agrees: https://www.nice.org.uk/ng59")

    assert comment.is_public


def test_first_comment_from_an_email_address_is_held(client, article, regular):
    comment = posted(client, article, "Hello.", email="someone-new@example.com")

    assert not comment.is_public
    assert hold_reasons(comment) == ["first comment from this email address"]


def test_an_earlier_held_or_removed_comment_does_not_count_as_known(client, article):
    build_comment(article, "Held", email="pat@example.com", is_public=False)
    build_comment(article, "Removed", email="pat@example.com", is_removed=True)

    assert not posted(client, article, "Third try.").is_public


def test_two_links_hold_a_comment(client, article, regular):
    comment = posted(
        client, article, "See https://a.example/x and www.b.example.com for more."
    )

    assert not comment.is_public
    assert hold_reasons(comment) == ["contains two or more links"]


@pytest.mark.parametrize(
    "comment",
    [
        "Buy without prescription here",
        "BUY   without\nprescription!",
        "ｂｕｙ ｗｉｔｈｏｕｔ ｐｒｅｓｃｒｉｐｔｉｏｎ",  # full-width letters
    ],
)
def test_a_blocked_phrase_holds_a_comment(client, article, regular, blocked, comment):
    blocked("buy without prescription")

    assert not posted(client, article, comment).is_public


def test_a_blocked_phrase_matches_whole_words_only(client, article, regular, blocked):
    blocked("pill")

    assert posted(client, article, "Painkillers and spills.").is_public


@pytest.mark.parametrize(
    ("fields", "held"),
    [
        ({"comment": "Cheap at cheap-pills.example today"}, True),
        ({"comment": "Go to https://shop.cheap-pills.example/buy"}, True),
        ({"comment": "Nothing here.", "url": "http://cheap-pills.example"}, True),
        ({"comment": "Nothing here.", "email": "pat@cheap-pills.example"}, True),
        ({"comment": "Try notcheap-pills.example instead"}, False),
        ({"comment": "cheap-pills.example.org is someone else"}, False),
    ],
)
def test_a_blocked_domain_holds_a_comment_and_its_subdomains(
    client, article, blocked, fields, held
):
    build_comment(article, "Earlier.", email=fields.get("email", "pat@example.com"))
    blocked("cheap-pills.example", kind="domain")

    comment = posted(client, article, **fields)

    assert comment.is_public is not held


def test_a_rejected_phrase_is_refused_beside_the_field_and_the_text_kept(
    client, article, regular, blocked
):
    blocked("online pharmacy", action="reject")

    response = post(client, article, "Best Online Pharmacy deals")

    assert response.status_code == 200
    page = parse(response.content.decode())
    assert "“online pharmacy”" in text(page.find(id="id_comment_error"))
    assert page.select_one(".error-summary a")["href"] == "#id_comment"
    assert page.find("textarea").get_text().strip() == "Best Online Pharmacy deals"
    assert stored(article) == [regular] and mail.outbox == []


def test_a_rejected_domain_in_the_website_field_is_refused_there(
    client, article, blocked
):
    blocked("cheap-pills.example", kind="domain", action="reject")

    page = parse(
        post(client, article, url="https://cheap-pills.example").content.decode()
    )

    assert "cheap-pills.example" in text(page.find(id="id_url_error"))
    assert stored(article) == []


def test_the_team_skips_holds_but_not_rejections(client, article, staff_user, blocked):
    blocked("buy without prescription")
    blocked("online pharmacy", action="reject")
    client.force_login(staff_user)

    post(
        client,
        article,
        "Never buy without prescription: a.example b.example.com https://c.example",
        name="",
        email="",
    )
    refused = post(client, article, "Avoid any online pharmacy", name="", email="")

    (comment,) = stored(article)
    assert comment.is_public
    assert refused.status_code == 200 and "online pharmacy" in refused.content.decode()


def test_a_comment_can_be_refused_at_confirmation_if_the_blocklist_grew(
    client, article, regular, blocked
):
    post(client, article, "Visit my online pharmacy")
    blocked("online pharmacy", action="reject")

    response = confirm_last(client)

    assert response.status_code == 200
    assert text(parse(response.content.decode()).find("h1")) == (
        "Your comment could not be published"
    )
    assert stored(article) == [regular]


# Closing


def close_comments(article):
    """What unticking "readers may comment" and publishing does to the live article."""
    type(article).objects.filter(pk=article.pk).update(comments_open=False)
    article.comments_open = False


@pytest.fixture
def closed_by_editor(article):
    article.comments_open = False
    close_comments(article)
    return article


@pytest.fixture
def closed_by_age(article):
    article.first_published_at = timezone.now() - timedelta(days=91)
    article.save(update_fields=["first_published_at"])
    return article


@pytest.mark.parametrize("fixture", ["closed_by_editor", "closed_by_age"])
def test_a_closed_article_shows_its_thread_and_refuses_comments(
    client, request, article, regular, fixture
):
    request.getfixturevalue(fixture)
    article.refresh_from_db()
    build_comment(article, "A reply", parent=regular)

    page = parse(client.get(article.url).content.decode())
    response = post(client, article, "Too late.")

    comments = page.select_one("section#comments")
    assert text(comments.select_one(".comments-closed")) == "Comments are closed."
    assert comments.find("form") is None
    assert comments.select("a.comment__reply") == []
    assert "An earlier comment." in text(comments)
    assert response.status_code == 403
    assert text(parse(response.content.decode()).find("h1")) == "Comments are closed"
    assert len(stored(article)) == 2 and mail.outbox == []


def test_comments_never_close_by_age_when_the_setting_is_zero(rf, article, home):
    settings = CommentSettings.for_site(home.get_site())
    settings.close_after_days = 0
    settings.save()
    article.first_published_at = timezone.now() - timedelta(days=3650)

    assert comments_are_open(article, rf.get("/"))


def test_comments_close_on_the_day_the_setting_says(rf, article):
    article.first_published_at = timezone.now() - timedelta(days=89, hours=23)
    assert comments_are_open(article, rf.get("/"))
    article.first_published_at = timezone.now() - timedelta(days=90)
    assert not comments_are_open(article, rf.get("/"))


def test_a_comment_awaiting_confirmation_is_discarded_if_comments_closed_meanwhile(
    client, article, regular
):
    post(client, article, "Posted in time.")
    article.comments_open = False
    close_comments(article)

    response = confirm_last(client)

    page = parse(response.content.decode())
    assert "closed" in text(page.find("main"))
    assert page.find("textarea").get_text() == "Posted in time."
    assert stored(article) == [regular]


def test_a_reply_awaiting_confirmation_is_discarded_if_its_parent_was_removed(
    client, article, regular
):
    post(client, article, "Replying.", reply_to=str(regular.pk))
    regular.is_removed = True
    regular.save()

    confirm_last(client)

    assert stored(article) == [regular]


def test_an_unpublished_article_takes_no_comments(client, article, regular):
    article.unpublish()

    assert post(client, article, "Hello?").status_code == 403
    assert stored(article) == [regular]


def test_held_comments_stay_out_of_the_thread_query(article):
    build_comment(article, "Held", is_public=False)
    shown = build_comment(article, "Shown")

    assert list(article_comments(article)) == [shown]
