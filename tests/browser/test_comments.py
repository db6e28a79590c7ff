"""A reader comments and replies, with JavaScript off and on; both pages pass axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.test import Client

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTICLE = "/articles/diazepam-for-back-pain/"


@pytest.fixture
def signed_in_page(demo_site, page_at, django_user_model):
    """A browser page signed in as a team member, whose comments publish at once."""
    user = django_user_model.objects.create_user(
        username="sam",
        password="password",
        first_name="Sam",
        last_name="Editor",
        email="sam@example.org",
        is_staff=True,
    )
    client = Client()
    client.force_login(user)

    def open_page(java_script_enabled=True):
        page = page_at(java_script_enabled=java_script_enabled)
        page.context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": demo_site.url,
                }
            ]
        )
        return page

    return open_page


def comment_id(page):
    match = re.search(r"#(c\d+)$", page.url)
    assert match, page.url
    return match.group(1)


def assert_no_violations(page):
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
    )
    assert results.violations_count == 0, results.generate_report()


def test_comment_and_reply_without_javascript(demo_site, signed_in_page):
    page = signed_in_page(java_script_enabled=False)
    page.goto(demo_site.url + ARTICLE)

    page.get_by_label("Comment", exact=True).fill("Posted with JavaScript off.")
    page.get_by_role("button", name="Post comment").click()

    top = comment_id(page)
    assert page.url.startswith(demo_site.url + ARTICLE)
    comment = page.locator(f"#{top}")
    assert "Posted with JavaScript off." in comment.inner_text()
    assert comment.locator(".comment__badge").inner_text() == "Editorial team"

    comment.get_by_role("link", name="Reply to Sam Editor").click()
    assert re.search(r"/comments/reply/\d+/$", page.url)
    page.get_by_label("Comment", exact=True).fill("A reply, JavaScript still off.")
    page.get_by_role("button", name="Post reply").click()

    reply = page.locator(f"#{comment_id(page)}")
    assert "A reply, JavaScript still off." in reply.inner_text()
    assert page.locator(f"li:has(> #{top}) > ol #{comment_id(page)}").count() == 1


def test_comment_and_reply_in_place_with_javascript(demo_site, signed_in_page):
    page = signed_in_page()
    page.goto(demo_site.url + ARTICLE)

    page.get_by_label("Comment", exact=True).fill("Posted with JavaScript on.")
    page.get_by_role("button", name="Post comment").click()
    top = comment_id(page)

    page.locator(f"#{top}").get_by_role("link", name="Reply to Sam Editor").click()

    assert page.url.endswith(f"#{top}"), "the reply form opens on the same page"
    respond = page.locator(f"li:has(> #{top}) > #respond")
    assert respond.get_by_role("heading", name="Reply to Sam Editor").is_visible()
    assert page.evaluate("document.activeElement.id") == "id_comment"
    respond.get_by_role("button", name="Cancel reply").click()
    assert page.locator("section#comments > #respond").count() == 1
    assert page.locator("#id_reply_to").input_value() == "0"

    page.locator(f"#{top}").get_by_role("link", name="Reply to Sam Editor").click()
    page.get_by_label("Comment", exact=True).fill("A reply, in place.")
    page.get_by_role("button", name="Post reply").click()

    reply = comment_id(page)
    assert reply != top
    assert page.locator(f"li:has(> #{top}) > ol #{reply}").count() == 1
    assert "A reply, in place." in page.locator(f"#{reply}").inner_text()


def test_article_with_a_thread_has_no_wcag_22_aa_violations(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + ARTICLE)
    assert page.locator("section#comments article.comment").count() >= 3
    assert page.locator(".comment__badge").count() >= 1

    assert_no_violations(page)


def test_form_with_errors_has_no_wcag_22_aa_violations(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + ARTICLE)
    page.get_by_label("Email address").fill("not an email")
    page.get_by_label("Comment", exact=True).fill("Kept after the errors.")
    page.get_by_role("button", name="Post comment").click()

    summary = page.locator(".error-summary")
    assert summary.get_by_role("link", name="Enter your name.").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.get_by_label("Comment", exact=True).input_value() == (
        "Kept after the errors."
    )

    assert_no_violations(page)
