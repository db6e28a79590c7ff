"""What a reader sees under an article: the count, the thread, the form, badges, flags."""

import pytest
from django_comments.models import CommentFlag

from django.core.management import call_command
from django.db.models.signals import post_migrate

from wagtail.log_actions import registry as log_registry

from articles.comments.builders import comments_of
from articles.comments.sites import set_site_domain
from tests.comments_fixtures import XtdComment, build_comment, stored
from tests.html import heading_levels, parse, skipped_levels, text


def comments_section(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return parse(response.content.decode()).select_one("main section#comments")


@pytest.mark.parametrize(
    ("public", "words"),
    [(0, "No comments yet"), (1, "1 comment"), (12, "12 comments")],
)
def test_count_in_words_counts_this_pages_public_comments_only(
    client, article, other_article, public, words
):
    for n in range(public):
        build_comment(article, f"Comment {n}")
    build_comment(article, "Held", is_public=False)
    build_comment(article, "Removed", is_removed=True)
    build_comment(other_article, "Elsewhere")

    section = comments_section(client, article)

    assert text(section.select_one(".comment-count")) == words


def test_comments_follow_the_disclaimer_inside_main(client, article):
    page = parse(client.get(article.url).content.decode())

    section = page.select_one("main section#comments")
    assert section["aria-labelledby"] == "comments-heading"
    assert text(section.find("h2")) == "Comments"
    assert section.find_previous("aside", class_="disclaimer") is not None
    assert skipped_levels(heading_levels(page)) == []


def test_the_form_labels_every_field_and_says_what_is_required(client, article):
    section = comments_section(client, article)

    respond = section.select_one("#respond")
    assert text(respond.find("h2")) == "Leave a comment"
    form = respond.find("form")
    assert form["method"] == "post" and form["action"] == "/comments/post/"
    labels = {label["for"]: text(label) for label in form.find_all("label")}
    assert labels == {
        "id_name": "Name",
        "id_email": "Email address",
        "id_url": "Website (optional)",
        "id_comment": "Comment",
        "id_followup": "Email me when someone else comments on this article",
        "id_honeypot": "Leave this field empty",
    }
    assert "Name, email address and comment are required." in text(form)
    email = form.find(id="id_email")
    assert email["type"] == "email" and email["autocomplete"] == "email"
    hint = form.find(id=email["aria-describedby"])
    assert text(hint) == "Your email address will not be published."
    assert form.find(id="id_followup")["type"] == "checkbox"
    assert form.find(id="id_honeypot").find_parent(hidden=True) is not None
    assert form.find("button", type="submit") is not None


def test_signed_in_reader_is_not_asked_for_name_or_email(client, article, staff_user):
    client.force_login(staff_user)

    form = comments_section(client, article).find("form")

    assert form.find(id="id_name") is None and form.find(id="id_email") is None
    assert "Sam Editor" in text(form)


def test_a_commenters_email_is_never_shown(client, article, staff_user):
    build_comment(article, "Hello.", email="secret-address@example.com")
    client.force_login(staff_user)

    assert "secret-address" not in client.get(article.url).content.decode()


def test_comment_text_keeps_paragraphs_and_links_addresses(client, article):
    comment = build_comment(
        article, "First line\nsecond line\n\nSee https://www.nhs.uk/medicines/"
    )

    body = (
        comments_section(client, article)
        .find(id=f"c{comment.pk}")
        .select_one(".comment__body")
    )

    assert [str(p) for p in body.find_all("p")] == [
        "<p>First line<br/>second line</p>",
        '<p>See <a href="https://www.nhs.uk/medicines/" rel="nofollow ugc noopener">'
        "https://www.nhs.uk/medicines/</a></p>",
    ]


def test_a_commenters_website_links_their_name_with_rel(client, article):
    comment = build_comment(article, "Hi", name="Alex", url="https://alex.example")
    build_comment(article, "Hi", name="Mallory", url="javascript:alert(1)")

    section = comments_section(client, article)

    link = section.find(id=f"c{comment.pk}-author").find("a")
    assert link["href"] == "https://alex.example"
    assert link["rel"] == ["nofollow", "ugc", "noopener"]
    assert "javascript:" not in str(section)


def test_team_comments_carry_a_badge_that_names_cannot_fake(
    client, article, staff_user
):
    team = build_comment(article, "From us.", user=staff_user, name="Sam Editor")
    fake = build_comment(article, "Also us!", name="Clear Health editorial team")

    section = comments_section(client, article)

    assert text(section.find(id=f"c{team.pk}").select_one(".comment__badge")) == (
        "Editorial team"
    )
    assert "comment--staff" in section.find(id=f"c{team.pk}")["class"]
    assert section.find(id=f"c{fake.pk}").select_one(".comment__badge") is None


def test_removed_comments_show_a_notice_and_held_ones_nothing(client, article):
    removed = build_comment(article, "Rude words.", is_removed=True)
    held = build_comment(article, "Awaiting a moderator.", is_public=False)
    spam = build_comment(article, "Spam", is_public=False, is_removed=True)

    section = comments_section(client, article)

    assert text(section.find(id=f"c{removed.pk}")) == "This comment was removed."
    assert section.find(id=f"c{held.pk}") is None
    assert section.find(id=f"c{spam.pk}") is None
    assert "Rude words." not in str(section) and "Awaiting" not in str(section)


def test_a_held_comment_with_published_replies_shows_as_removed(client, article):
    parent = build_comment(article, "Later held again.")
    child = build_comment(article, "Still public.", parent=parent)
    XtdComment.objects.filter(pk=parent.pk).update(is_public=False)

    section = comments_section(client, article)

    assert text(section.find(id=f"c{parent.pk}")) == "This comment was removed."
    assert section.find(id=f"c{child.pk}") is not None


def test_the_article_page_loads_the_comment_script_without_inline_script(
    client, article
):
    page = parse(client.get(article.url).content.decode())

    script = page.find("script", src="/static/js/comments.js")
    assert script is not None and script.has_attr("defer")
    for tag in page.find_all("script"):
        assert tag.get("src") or tag.get("type") == "application/ld+json", tag


# Reporting and removing


def test_anonymous_readers_see_no_report_link_and_are_sent_to_sign_in(client, article):
    comment = build_comment(article, "Dubious advice.")

    assert comments_section(client, article).select("a.comment__report") == []
    response = client.get(f"/comments/flag/{comment.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/comments/flag/")


def test_signed_in_reader_reports_a_comment_after_confirming(
    client, article, reader_user
):
    comment = build_comment(article, "Stop taking your medicine!")
    client.force_login(reader_user)
    link = comments_section(client, article).select_one("a.comment__report")
    assert link["href"] == f"/comments/flag/{comment.pk}/"

    asked = client.get(link["href"])
    assert asked.status_code == 200
    assert "Stop taking your medicine!" in text(parse(asked.content.decode()))
    assert not CommentFlag.objects.exists()

    response = client.post(link["href"])

    flag = CommentFlag.objects.get()
    assert (flag.comment_id, flag.user, flag.flag) == (
        comment.pk,
        reader_user,
        CommentFlag.SUGGEST_REMOVAL,
    )
    thanks = client.get(response["Location"])
    assert text(parse(thanks.content.decode()).find("h1")) == (
        "Thank you for your report"
    )


def test_a_hidden_comment_cannot_be_reported(client, article, reader_user):
    held = build_comment(article, "Private", is_public=False)
    client.force_login(reader_user)

    assert client.get(f"/comments/flag/{held.pk}/").status_code == 404
    assert client.post(f"/comments/flag/{held.pk}/").status_code == 404


def test_moderator_removes_a_comment_from_the_article_and_replies_stay(
    client, article, comment_moderator
):
    comment = build_comment(article, "Harmful claim.")
    reply = build_comment(article, "Rebuttal.", parent=comment)
    client.force_login(comment_moderator)
    link = (
        comments_section(client, article)
        .find(id=f"c{comment.pk}")
        .select_one("a.comment__remove")
    )

    assert client.get(link["href"]).status_code == 200
    response = client.post(link["href"])

    assert response["Location"] == f"{article.url}#c{comment.pk}"
    comment.refresh_from_db()
    reply.refresh_from_db()
    assert comment.is_removed and reply.is_public and not reply.is_removed
    assert CommentFlag.objects.get().flag == CommentFlag.MODERATOR_DELETION
    assert log_registry.get_logs_for_instance(comment).exists()


def test_others_cannot_remove_comments(client, article, reader_user):
    comment = build_comment(article, "Fine.")

    assert client.post(f"/comments/delete/{comment.pk}/").status_code == 302
    client.force_login(reader_user)
    assert comments_section(client, article).select("a.comment__remove") == []
    assert client.post(f"/comments/delete/{comment.pk}/").status_code == 403
    comment.refresh_from_db()
    assert not comment.is_removed


# The site's domain and the demo thread


def test_site_domain_is_written_after_migrate_from_the_setting(db, settings):
    from django.apps import apps
    from django.contrib.sites.models import Site

    settings.SITE_DOMAIN = "health.example.org"
    sites = apps.get_app_config("sites")

    post_migrate.send(
        sender=sites, app_config=sites, verbosity=0, interactive=False, using="default"
    )

    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("health.example.org", "Clear Health")


def test_set_site_domain_makes_the_site_when_missing(db):
    from django.contrib.sites.models import Site

    Site.objects.all().delete()

    assert set_site_domain("localhost:8000").domain == "localhost:8000"


def test_demo_content_has_a_short_thread_with_a_team_reply_and_loads_twice(client, db):
    from django.contrib.sites.models import Site

    call_command("load_demo_content", hostname="localhost", port=8123, verbosity=0)
    call_command("load_demo_content", hostname="localhost", port=8123, verbosity=0)

    from articles.models import ArticlePage

    page = ArticlePage.objects.get(slug="diazepam-for-back-pain")
    comments = stored(page)
    assert len(comments) == comments_of(page).count() == 3
    assert all(c.is_public for c in comments)
    assert all("(demo)" in c.user_name for c in comments if c.user_id is None)
    # No reader shares a name with the article's authors.
    authors = {a.person.name for a in page.authors.select_related("person")}
    readers = {c.user_name.removesuffix(" (demo)") for c in comments if not c.user_id}
    assert authors and readers and not authors & readers
    reply = next(c for c in comments if c.level == 1)
    assert reply.user.is_staff and reply.user.get_full_name() == (
        "Clear Health editorial team"
    )
    assert not reply.user.has_usable_password()
    assert Site.objects.get_current().domain == "localhost:8123"
    section = comments_section(client, page)
    assert text(section.select_one(".comment-count")) == "3 comments"
    assert section.select_one(".comment__badge") is not None


def test_an_editors_preview_shows_the_thread_without_a_form(rf, article):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    build_comment(article, "Seen in preview.")
    request = rf.get(article.url)
    request.user, request.is_preview = AnonymousUser(), True

    html = Template("{% load comment_tags %}{% article_comments page %}").render(
        Context({"request": request, "page": article})
    )

    assert "Seen in preview." in html
    assert "<form" not in html and "Comments are closed" not in html
