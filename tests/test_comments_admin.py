"""Moderators work through reader comments in the Wagtail admin; nobody else can."""

import json
import re
from datetime import timedelta

import pytest
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from tests.html import soup, text

INDEX = "/admin/comments/"
BULK = "/admin/bulk/django_comments_xtd/xtdcomment/{}/"


def make_comment(article, text="A thoughtful comment.", *, minutes_ago=0, **fields):
    """A comment stored as django-comments-xtd stores a confirmed one."""
    fields.setdefault("user_name", "Reader")
    fields.setdefault("user_email", "reader@example.org")
    fields.setdefault("is_public", False)
    return XtdComment.objects.create(
        content_object=article,
        site_id=1,
        comment=text,
        submit_date=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


def flag(comment, username, kind=CommentFlag.SUGGEST_REMOVAL):
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username=username)
    return CommentFlag.objects.create(comment=comment, user=user, flag=kind)


def listed_ids(response):
    """Comment ids in the listing, in order."""
    return [
        int(box["data-object-id"])
        for box in soup(response).select("input[data-bulk-action-checkbox]")
        if box.has_attr("data-object-id")
    ]


def messages_of(response):
    return [str(m).strip() for m in response.context["messages"]]


def assert_denied(response):
    """Wagtail's permission denied: back to the dashboard, saying why."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def articles(article_factory):
    return article_factory("Diazepam for back pain"), article_factory("Exercise")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, group_editor):
    client.force_login(group_editor)
    return client


@pytest.fixture
def states(articles):
    """One comment in each state, on the first article."""
    a, _b = articles
    flagged = make_comment(a, "Flagged words", is_public=True, minutes_ago=5)
    flag(flagged, "worried1")
    flag(flagged, "worried2")
    spam = make_comment(a, "Cheap pills", is_removed=True, minutes_ago=4)
    flag(spam, "mod", "spam")
    return {
        "held": make_comment(a, "Held words", minutes_ago=1),
        "public": make_comment(a, "Public words", is_public=True, minutes_ago=2),
        "removed": make_comment(a, "Removed words", is_removed=True, minutes_ago=3),
        "flagged": flagged,
        "spam": spam,
    }


# The queue


def test_moderator_sees_the_held_queue_of_every_article_newest_first(
    moderator_client, articles
):
    diazepam, exercise = articles
    oldest = make_comment(diazepam, "Does it help sleep?", minutes_ago=30)
    middle = make_comment(
        exercise,
        "Which exercises?",
        user_name="Bo",
        user_email="bo@example.org",
        minutes_ago=20,
    )
    newest = make_comment(diazepam, "My GP said no.", minutes_ago=10)
    make_comment(diazepam, "Already public", is_public=True)
    make_comment(diazepam, "Already removed", is_removed=True)

    response = moderator_client.get(INDEX)

    assert listed_ids(response) == [newest.pk, middle.pk, oldest.pk]
    row = soup(response).find("input", attrs={"data-object-id": str(middle.pk)})
    cells = [text(td) for td in row.find_parent("tr").find_all("td")]
    assert cells[1:4] == ["Which exercises?", "Bo", "bo@example.org"]
    assert "Exercise" in cells[4]
    assert cells[6] == "Held"
    links = [a["href"] for a in row.find_parent("tr").find_all("a")]
    assert exercise.url in links
    assert reverse("wagtailadmin_pages:edit", args=[exercise.pk]) in links
    assert reverse("article_comments:inspect", args=[middle.pk]) in links


def test_comment_text_is_escaped_and_shortened_in_the_listing(
    moderator_client, articles
):
    make_comment(articles[0], "<script>alert(1)</script>" + "x" * 300)
    html = moderator_client.get(INDEX).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "x" * 300 not in html


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("held", ["held"]),
        ("public", ["public", "flagged"]),
        ("flagged", ["flagged"]),
        ("removed", ["removed", "spam"]),
        ("spam", ["spam"]),
        ("all", ["held", "public", "removed", "spam", "flagged"]),
    ],
)
def test_moderator_filters_by_state(moderator_client, states, state, expected):
    response = moderator_client.get(INDEX, {"state": state})
    assert listed_ids(response) == [states[name].pk for name in expected]


def test_state_column_names_each_state_and_counts_flags(moderator_client, states):
    document = soup(moderator_client.get(INDEX, {"state": "all"}))
    labels = {
        int(row.select_one("[data-object-id]")["data-object-id"]): text(
            row.find_all("td")[6]
        )
        for row in document.select("tbody tr")
    }
    assert labels == {
        states["held"].pk: "Held",
        states["public"].pk: "Public",
        states["removed"].pk: "Removed",
        states["flagged"].pk: "Flagged (2 flags)",
        states["spam"].pk: "Spam",
    }


def test_moderator_filters_by_article(moderator_client, articles):
    diazepam, exercise = articles
    on_diazepam = make_comment(diazepam)
    make_comment(exercise)
    response = moderator_client.get(INDEX, {"article": diazepam.pk})
    assert listed_ids(response) == [on_diazepam.pk]
    # Wagtail's page chooser shows the chosen article, not a list of every article.
    chosen = soup(response).select_one("#id_article-chooser [data-chooser-title]")
    assert text(chosen) == "Diazepam for back pain"


@pytest.mark.parametrize("query", ["withdrawal", "Marianne", "marianne@example.net"])
def test_moderator_searches_text_name_and_email(moderator_client, articles, query):
    match = make_comment(
        articles[0],
        "How long does withdrawal last?",
        user_name="Marianne",
        user_email="marianne@example.net",
    )
    make_comment(articles[1], "Something else entirely.")
    response = moderator_client.get(INDEX, {"q": query})
    assert listed_ids(response) == [match.pk]


def test_search_and_filters_also_answer_the_live_results_view(moderator_client, states):
    response = moderator_client.get(INDEX + "results/", {"q": "words", "state": "all"})
    assert len(listed_ids(response)) == 4


def test_moderator_reads_the_whole_comment_before_deciding(moderator_client, articles):
    comment = make_comment(
        articles[0], "First paragraph.\n\nSecond <em>paragraph</em>."
    )
    reply = make_comment(articles[0], "A reply.", parent_id=comment.pk)
    response = moderator_client.get(
        reverse("article_comments:inspect", args=[reply.pk])
    )
    assert "First paragraph." in text(soup(response))
    response = moderator_client.get(
        reverse("article_comments:inspect", args=[comment.pk])
    )
    html = response.content.decode()
    assert "<p>First paragraph.</p>" in html
    assert "Second &lt;em&gt;paragraph&lt;/em&gt;." in html
    assert [form["action"] for form in soup(response).select("main form")] == [
        reverse(f"article_comments:{action}", args=[comment.pk])
        for action in ("approve", "remove", "spam")
    ]


def test_decisions_are_kept_in_the_comment_history_and_site_history(
    client, editor, articles
):
    client.force_login(editor)
    comment = make_comment(articles[0], "Keep a record of this")
    client.post(reverse("article_comments:spam", args=[comment.pk]))
    history = text(
        soup(client.get(reverse("article_comments:history", args=[comment.pk]))).main
    )
    assert "Removed as spam" in history
    report = soup(client.get("/admin/reports/site-history/"))
    assert report.find("a", href=reverse("article_comments:inspect", args=[comment.pk]))


def test_group_editor_offers_the_real_moderation_permission(client, editor):
    client.force_login(editor)
    moderators = Group.objects.get(name="Moderators")
    page = soup(client.get(reverse("wagtailusers_groups:edit", args=[moderators.pk])))
    can_moderate = Permission.objects.get(
        content_type__app_label="django_comments", codename="can_moderate"
    )
    box = page.find(
        "input", attrs={"name": "permissions", "value": str(can_moderate.pk)}
    )
    assert box is not None and box.has_attr("checked")


# Row actions


def test_moderator_approves_a_held_comment_from_the_listing_with_csrf(
    moderator, articles
):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = make_comment(articles[0], "Is it safe with paracetamol?")
    listing = soup(client.get(INDEX, {"article": articles[0].pk}))
    form = listing.find(
        "form", action=reverse("article_comments:approve", args=[comment.pk])
    )
    data = {field["name"]: field["value"] for field in form.find_all("input")}

    response = client.post(form["action"], data, follow=True)

    comment.refresh_from_db()
    assert comment.is_public and not comment.is_removed
    assert response.redirect_chain[-1][0] == f"{INDEX}?article={articles[0].pk}"
    assert "Comment by Reader approved." in messages_of(response)
    assert CommentFlag.objects.filter(
        comment=comment, user=moderator, flag=CommentFlag.MODERATOR_APPROVAL
    ).exists()
    assert ModelLogEntry.objects.filter(
        action="article_comments.approve", object_id=str(comment.pk), user=moderator
    ).exists()


def test_action_without_csrf_token_is_refused(moderator, articles):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    comment = make_comment(articles[0])
    response = client.post(reverse("article_comments:approve", args=[comment.pk]))
    assert response.status_code == 403
    comment.refresh_from_db()
    assert not comment.is_public


def test_approved_comment_appears_on_the_article_page(
    moderator_client, client, articles
):
    comment = make_comment(articles[0], "Thank you for the clear summary.")
    moderator_client.post(reverse("article_comments:approve", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.is_public
    reader = Client()
    assert (
        "Thank you for the clear summary."
        in reader.get(articles[0].url).content.decode()
    )


def test_approving_a_flagged_comment_clears_its_flags(moderator_client, states):
    flagged = states["flagged"]
    moderator_client.post(reverse("article_comments:approve", args=[flagged.pk]))
    assert not flagged.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).exists()
    response = moderator_client.get(INDEX, {"state": "flagged"})
    assert listed_ids(response) == []


def test_approving_spam_restores_the_comment_and_drops_the_verdict(
    moderator_client, states
):
    spam = states["spam"]
    moderator_client.post(reverse("article_comments:approve", args=[spam.pk]))
    spam.refresh_from_db()
    assert spam.is_public and not spam.is_removed
    assert not spam.flags.filter(flag="spam").exists()


def test_moderator_removes_a_comment_and_its_replies_stay(moderator_client, articles):
    parent = make_comment(articles[0], "Parent", is_public=True)
    reply = make_comment(articles[0], "Reply", is_public=True, parent_id=parent.pk)
    response = moderator_client.post(
        reverse("article_comments:remove", args=[parent.pk]), follow=True
    )
    parent.refresh_from_db()
    reply.refresh_from_db()
    assert parent.is_removed
    assert reply.is_public and not reply.is_removed
    assert "Comment by Reader removed." in messages_of(response)
    assert response.redirect_chain[-1][0] == INDEX


def test_approving_a_parent_does_not_publish_its_held_replies(moderator_client, states):
    flagged = states["flagged"]
    held_reply = make_comment(
        flagged.content_object, "Held reply", parent_id=flagged.pk
    )
    moderator_client.post(reverse("article_comments:approve", args=[flagged.pk]))
    held_reply.refresh_from_db()
    assert not held_reply.is_public


def test_moderator_marks_a_comment_as_spam(moderator_client, moderator, articles):
    comment = make_comment(articles[0], "Buy pills online")
    response = moderator_client.post(
        reverse("article_comments:spam", args=[comment.pk]), follow=True
    )
    comment.refresh_from_db()
    assert comment.is_removed
    assert comment.flags.filter(flag="spam", user=moderator).exists()
    assert "Comment by Reader removed as spam." in messages_of(response)
    assert listed_ids(moderator_client.get(INDEX, {"state": "spam"})) == [comment.pk]


@pytest.mark.parametrize("action", ["approve", "remove", "spam"])
def test_get_on_an_action_asks_and_changes_nothing(moderator_client, articles, action):
    comment = make_comment(articles[0], "Undecided")
    response = moderator_client.get(
        reverse(f"article_comments:{action}", args=[comment.pk])
    )
    assert response.status_code == 200
    form = soup(response).select_one("main form[method=post]")
    assert form is not None and "Undecided" in text(soup(response).main)
    comment.refresh_from_db()
    assert not comment.is_public and not comment.is_removed
    assert not comment.flags.exists()
    assert not ModelLogEntry.objects.exists()


def test_an_unsafe_next_address_is_ignored(moderator_client, articles):
    comment = make_comment(articles[0])
    response = moderator_client.post(
        reverse("article_comments:approve", args=[comment.pk]),
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == INDEX


def test_approving_notifies_followers_once_it_is_public(
    moderator_client, articles, django_capture_on_commit_callbacks
):
    article = articles[0]
    make_comment(
        article,
        "Earlier comment",
        is_public=True,
        followup=True,
        user_name="Follower",
        user_email="follower@example.org",
    )
    held = make_comment(article, "New comment", user_email="new@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("article_comments:approve", args=[held.pk]))
    assert [m.to for m in mail.outbox] == [["follower@example.org"]]

    # Approving it again (say, after a flag) tells nobody twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(reverse("article_comments:approve", args=[held.pk]))
    assert mail.outbox == []


# Bulk actions


@pytest.mark.parametrize(
    ("action", "public", "removed", "message"),
    [
        ("approve", True, False, "2 comments approved."),
        ("remove", False, True, "2 comments removed."),
        ("spam", False, True, "2 comments removed as spam."),
    ],
)
def test_bulk_action_on_two_comments(
    moderator_client, articles, action, public, removed, message
):
    first = make_comment(articles[0], "First")
    second = make_comment(articles[1], "Second")
    untouched = make_comment(articles[0], "Third")
    url = BULK.format(action)
    query = f"?id={first.pk}&id={second.pk}&next={INDEX}"

    confirm = moderator_client.get(url + query)
    assert confirm.status_code == 200
    assert "First" in text(soup(confirm).main) and "Second" in text(soup(confirm).main)
    assert not XtdComment.objects.filter(is_public=True).exists()

    response = moderator_client.post(url + query, follow=True)

    assert response.redirect_chain[-1][0] == INDEX
    assert message in messages_of(response)
    for comment in (first, second):
        comment.refresh_from_db()
        assert (comment.is_public, comment.is_removed) == (public, removed)
    assert XtdComment.objects.filter(flags__flag="spam").count() == (
        2 if action == "spam" else 0
    )
    untouched.refresh_from_db()
    assert not untouched.is_public and not untouched.is_removed


def test_bulk_select_all_acts_on_the_filtered_listing_only(moderator_client, states):
    url = BULK.format("approve") + "?state=held&id=all"
    moderator_client.post(url)
    public = set(XtdComment.objects.filter(is_public=True, is_removed=False))
    assert public == {states["held"], states["public"], states["flagged"]}


def test_bulk_select_all_follows_the_search_and_refuses_a_bad_filter(
    moderator_client, states
):
    moderator_client.post(BULK.format("remove") + "?state=all&q=Public&id=all")
    moderator_client.post(BULK.format("remove") + "?state=bogus&id=all")
    removed = set(XtdComment.objects.filter(is_removed=True))
    assert removed == {states["removed"], states["spam"], states["public"]}


def test_listing_offers_only_the_moderation_bulk_actions(moderator_client, states):
    footer = soup(moderator_client.get(INDEX)).select_one("[data-bulk-action-footer]")
    assert [text(a) for a in footer.select("a[data-bulk-action-button]")] == [
        "Approve",
        "Remove",
        "Mark as spam",
    ]


# Who may moderate


def test_moderators_group_has_the_real_permission_from_the_migration(db):
    def codenames(name):
        return {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=name).permissions.select_related(
                "content_type"
            )
        }

    assert "django_comments.can_moderate" in codenames("Moderators")
    assert "django_comments.can_moderate" not in codenames("Editors")
    blocklist = {
        f"article_comments.{action}_blockedterm"
        for action in ("add", "change", "delete")
    }
    assert blocklist <= codenames("Moderators")
    assert blocklist <= codenames("Editors")


def menu_urls(client):
    """Every address in the admin's sidebar menu."""
    props = soup(client.get("/admin/")).find("script", id="wagtail-sidebar-props")
    urls = []

    def walk(node):
        if isinstance(node, dict):
            urls.extend(v for k, v in node.items() if k == "url")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    return urls


def test_moderator_sees_the_comments_menu_item(moderator_client):
    assert INDEX in menu_urls(moderator_client)


def test_editor_without_permission_gets_no_menu_item(editor_client):
    urls = menu_urls(editor_client)
    assert INDEX not in urls
    assert "/admin/pages/" in urls  # the menu itself is there


def test_editor_without_permission_is_denied_every_view(editor_client, articles):
    comment = make_comment(articles[0])
    for url in (
        INDEX,
        INDEX + "results/",
        reverse("article_comments:inspect", args=[comment.pk]),
        reverse("article_comments:history", args=[comment.pk]),
        reverse("article_comments:approve", args=[comment.pk]),
        BULK.format("approve") + f"?id={comment.pk}",
    ):
        assert_denied(editor_client.get(url))
    response = editor_client.get(INDEX, follow=True)
    assert "Sorry, you do not have permission to access this area." in messages_of(
        response
    )


@pytest.mark.parametrize("action", ["approve", "remove", "spam"])
def test_editor_without_permission_cannot_moderate(editor_client, articles, action):
    comment = make_comment(articles[0])
    single = editor_client.post(
        reverse(f"article_comments:{action}", args=[comment.pk])
    )
    bulk = editor_client.post(BULK.format(action) + f"?id={comment.pk}")
    assert_denied(single)
    assert_denied(bulk)
    comment.refresh_from_db()
    assert not comment.is_public and not comment.is_removed
    assert not comment.flags.exists()


def test_nobody_adds_edits_or_deletes_comments_here(client, editor, articles):
    """Not even a superuser: comments are readers' words."""
    client.force_login(editor)
    comment = make_comment(articles[0])
    for url in (
        INDEX + "add/",
        INDEX + f"delete/{comment.pk}/",
        "/admin/snippets/choose/django_comments_xtd/xtdcomment/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    inspect = reverse("article_comments:inspect", args=[comment.pk])
    assert client.post(INDEX + f"edit/{comment.pk}/")["Location"] == inspect
    # Nor through the snippets' generic bulk delete.
    client.post(BULK.format("delete") + f"?id={comment.pk}")
    assert XtdComment.objects.filter(pk=comment.pk).exists()
    listing = soup(client.get(INDEX))
    assert not listing.find(
        "a", href=re.compile(r"^/admin/comments/(add|edit|delete)/")
    )


def test_a_user_given_the_permission_directly_may_moderate(
    client, group_editor, articles
):
    group_editor.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="django_comments", codename="can_moderate"
        )
    )
    client.force_login(group_editor)
    assert client.get(INDEX).status_code == 200


# Dashboard


def test_dashboard_tells_moderators_how_many_comments_wait(
    moderator_client, states, articles
):
    make_comment(articles[1], "Another held one")
    panel = soup(moderator_client.get("/admin/")).select_one(
        "#comment-moderation-section"
    )
    links = {
        text(a): a["href"] for a in panel.find_all("a", href=re.compile("comments"))
    }
    assert links == {
        "2 comments waiting for moderation": f"{INDEX}?state=held",
        "1 comment flagged by readers": f"{INDEX}?state=flagged",
    }


def test_dashboard_panel_is_not_shown_without_permission(editor_client, states):
    html = editor_client.get("/admin/").content.decode()
    assert "waiting for moderation" not in html


def test_an_empty_queue_says_so(moderator_client, db):
    assert "No comments are waiting for moderation." in text(
        soup(moderator_client.get(INDEX)).main
    )


def count_queries(client, url):
    client.get(url)  # warm caches: site root paths, content types, permissions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queue_and_dashboard_queries_do_not_grow_with_comments(
    moderator_client, articles, django_user_model
):
    urls = (INDEX, f"{INDEX}?state=all", "/admin/")
    make_comment(articles[0])
    one = {url: count_queries(moderator_client, url) for url in urls}

    for n in range(29):
        comment = make_comment(
            articles[n % 2],
            f"Comment {n}",
            is_public=n % 3 == 0,
            user=django_user_model.objects.create_user(username=f"reader{n}")
            if n % 2
            else None,
        )
        if n % 3 == 0:
            flag(comment, f"worried{n}")
    thirty = {url: count_queries(moderator_client, url) for url in urls}

    assert len(listed_ids(moderator_client.get(f"{INDEX}?state=all"))) == 30
    assert thirty == one
