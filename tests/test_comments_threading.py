"""Replies nest three levels deep; a forged or stale reply_to is refused, storing nothing."""

import pytest

from tests.comments_fixtures import build_comment, post, stored
from tests.html import parse, text


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def thread_shape(page):
    """(pk, thread, order, level) of every comment: what a bad reply must not disturb."""
    return [(c.pk, c.thread_id, c.order, c.level) for c in stored(page)]


def reply(client, page, parent, comment):
    reply_to = parent if isinstance(parent, str) else str(parent.pk)
    return post(client, page, comment, name="", email="", reply_to=reply_to)


def test_team_member_replies_at_each_depth_and_the_thread_nests(staff_client, article):
    assert post(staff_client, article, "Level 0", name="", email="").status_code == 302
    (top,) = stored(article)
    assert reply(staff_client, article, top, "Level 1").status_code == 302
    middle = stored(article)[1]
    assert reply(staff_client, article, middle, "Level 2").status_code == 302
    assert (
        post(staff_client, article, "Second thread", name="", email="").status_code
        == 302
    )

    assert [(c.comment, c.level) for c in stored(article)] == [
        ("Level 0", 0),
        ("Level 1", 1),
        ("Level 2", 2),
        ("Second thread", 0),
    ]
    page = parse(staff_client.get(article.url).content.decode())
    deepest = page.find(string="Level 2").find_parent("article")
    assert len(deepest.find_parents("ol", class_="comment-list")) == 3
    outer = page.select_one("section#comments > ol.comment-list")
    assert [text(a.select_one(".comment__body")) for a in outer.select("article")] == [
        "Level 0",
        "Level 1",
        "Level 2",
        "Second thread",
    ]


def test_a_reply_in_the_middle_of_a_thread_keeps_its_place(staff_client, article):
    top = build_comment(article, "Top")
    first = build_comment(article, "First reply", parent=top)
    build_comment(article, "Reply to first", parent=first)
    build_comment(article, "Next thread")

    reply(staff_client, article, top, "Second reply")

    assert [c.comment for c in stored(article)] == [
        "Top",
        "First reply",
        "Reply to first",
        "Second reply",
        "Next thread",
    ]


def test_comments_show_reply_links_only_where_a_reply_is_allowed(client, article):
    top = build_comment(article, "Top")
    middle = build_comment(article, "Middle", parent=top)
    deepest = build_comment(article, "Deepest", parent=middle)

    page = parse(client.get(article.url).content.decode())

    for comment, href in [
        (top, f"/comments/reply/{top.pk}/"),
        (middle, f"/comments/reply/{middle.pk}/"),
    ]:
        link = page.find(id=f"c{comment.pk}").select_one("a.comment__reply")
        assert link["href"] == href
        assert link["data-reply-to"] == str(comment.pk)
        assert text(link) == f"Reply to {comment.user_name}"
    assert page.find(id=f"c{deepest.pk}").select_one("a.comment__reply") is None


def test_every_comment_has_a_permalink(client, article):
    comment = build_comment(article, "Worth linking to.")

    page = parse(client.get(article.url).content.decode())

    element = page.find(id=f"c{comment.pk}")
    assert element.name == "article"
    assert element.select_one("a.comment__permalink")["href"] == f"#c{comment.pk}"
    assert comment.get_absolute_url().endswith(f"#c{comment.pk}")


@pytest.fixture
def bad_parents(article, other_article):
    top = build_comment(article, "Top")
    middle = build_comment(article, "Middle", parent=top)
    return {
        "another article's comment": build_comment(other_article, "Elsewhere").pk,
        "a comment at the deepest level": build_comment(
            article, "Deepest", parent=middle
        ).pk,
        "a comment that does not exist": 999999,
        "a held comment": build_comment(article, "Held", is_public=False).pk,
        "a removed comment": build_comment(article, "Gone", is_removed=True).pk,
        "not a number": "1 OR 1=1",
        "a negative number": -1,
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("another article's comment", "belongs to a different article"),
        ("a comment at the deepest level", "three levels deep"),
        ("a comment that does not exist", "could not be found"),
        ("a held comment", "is not published"),
        ("a removed comment", "is not published"),
        ("not a number", "could not be found"),
        ("a negative number", "could not be found"),
    ],
)
def test_a_forged_or_stale_reply_to_is_refused_and_stores_nothing(
    staff_client, article, other_article, bad_parents, case, message
):
    before, elsewhere = thread_shape(article), thread_shape(other_article)

    response = reply(staff_client, article, str(bad_parents[case]), "Sneaky reply")

    # The form says why, keeps the text, and offers to post it as a new comment.
    assert response.status_code == 200
    page = parse(response.content.decode())
    assert text(page.find("h1")) == "Check your comment"
    summary = text(page.select_one(".error-summary"))
    assert message in summary and "as a new comment instead" in summary
    assert page.find("textarea").get_text().strip() == "Sneaky reply"
    assert page.find("input", attrs={"name": "reply_to"})["value"] == "0"
    assert thread_shape(article) == before
    assert thread_shape(other_article) == elsewhere


def test_a_refused_reply_can_be_posted_as_a_new_comment(staff_client, article):
    gone = build_comment(article, "Gone", is_removed=True)
    page = parse(reply(staff_client, article, gone, "Still worth saying").content)
    form = page.find("form", class_="comment-form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") != "checkbox"
    }
    data["comment"] = form.find("textarea").get_text().strip()

    response = staff_client.post(form["action"], data)

    assert response.status_code == 302
    new = stored(article)[-1]
    assert new.comment == "Still worth saying" and new.level == 0


def test_a_stale_reply_to_is_refused_for_anonymous_readers_too(client, article):
    gone = build_comment(article, "Gone", is_removed=True)

    response = post(client, article, "Reply", reply_to=str(gone.pk))

    assert response.status_code == 200
    assert "is not published" in text(parse(response.content.decode()).find("main"))
    assert [c.pk for c in stored(article)] == [gone.pk]


def test_reader_without_javascript_replies_from_the_reply_page(staff_client, article):
    top = build_comment(article, "Is this drug addictive?", name="Alex")

    response = staff_client.get(f"/comments/reply/{top.pk}/")

    page = parse(response.content.decode())
    assert response.status_code == 200
    assert text(page.find("h1")) == "Reply to Alex"
    assert "Is this drug addictive?" in text(page.select_one(".comment--quoted"))
    form = page.select_one("form.comment-form")
    assert form["action"] == "/comments/post/"
    assert form.find("input", attrs={"name": "reply_to"})["value"] == str(top.pk)
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("type") in ("hidden", "text")
    }
    data["comment"] = "It can be, if taken for more than a few weeks."

    assert staff_client.post("/comments/post/", data).status_code == 302
    answer = stored(article)[1]
    assert (answer.parent_id, answer.level) == (top.pk, 1)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"is_public": False}, 404),
        ({"is_removed": True}, 404),
    ],
)
def test_reply_page_of_a_hidden_comment_is_not_found(client, article, fields, status):
    hidden = build_comment(article, "Not for readers", **fields)

    response = client.get(f"/comments/reply/{hidden.pk}/")

    assert response.status_code == status
    assert "Not for readers" not in response.content.decode()


def test_reply_page_of_the_deepest_comment_says_why_not(client, article):
    top = build_comment(article, "Top")
    deepest = build_comment(
        article, "Deep", parent=build_comment(article, "Mid", parent=top)
    )

    response = client.get(f"/comments/reply/{deepest.pk}/")

    assert response.status_code == 400
    assert "three levels deep" in response.content.decode()


def test_removing_a_comment_keeps_its_replies_in_the_thread(client, article):
    parent = build_comment(article, "Something unkind.")
    child = build_comment(article, "A kind answer.", parent=parent)

    parent.is_removed = True
    parent.save()  # as django_comments' own delete view does

    child.refresh_from_db()
    assert child.is_public
    page = parse(client.get(article.url).content.decode())
    removed = page.find(id=f"c{parent.pk}")
    assert text(removed) == "This comment was removed."
    assert "Something unkind." not in page.decode()
    answer = page.find(id=f"c{child.pk}")
    assert answer.find_parent("li").find_parent("li").find(id=f"c{parent.pk}")
    assert text(page.select_one(".comment-count")) == "1 comment"
