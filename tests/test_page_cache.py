"""The page cache: anonymous readers get stored pages, and never an old or personal one.

Each change a reader could see is made the way the site makes it, then the page is
read again: it must show the change, never the stored copy.
"""

import datetime
import gzip

import brotli
import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

from articles.builders import build_index, publish_reviewed, reviewer_account
from articles.comments import decisions
from articles.editorial import Correction
from articles.models import ArticlePage
from articles.reviews import record_review
from home import clock, page_cache
from tests.comments_fixtures import POST_URL, form_data, pending, stored


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(article_factory, client):
    page = article_factory("Diazepam for back pain", slug="diazepam")
    # The first page read creates the site's settings rows, a change like any other.
    client.get(page.url)
    cache.clear()
    return page


@pytest.fixture
def cached(client, article):
    """The article's address, read twice so a stored copy exists."""
    return warm(client, article.url)


def warm(client, url):
    """Read `url` until it comes from the cache (the first read of a site creates its
    settings rows, a change like any other)."""
    for _ in range(3):
        if client.get(url)["X-Page-Cache"] == "hit":
            return url
    raise AssertionError(f"{url} is not served from the cache")


def shows(client, url, text):
    response = client.get(url)
    return response.status_code == 200 and text in response.content.decode()


def republish(page, **fields):
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    publish_reviewed(page, page.save_revision())


def test_an_anonymous_reader_gets_the_stored_page(client, article):
    first = client.get(article.url)
    second = client.get(article.url)

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert "Diazepam for back pain" in second.content.decode()
    # A front cache may keep it briefly; browsers check back each time.
    control = second["Cache-Control"]
    assert "public" in control and "s-maxage=" in control and "max-age=0" in control
    assert "Cookie" in second["Vary"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_reader_who_has_the_page_gets_not_modified(client, cached):
    etag = client.get(cached)["ETag"]

    again = client.get(cached, headers={"If-None-Match": etag})

    assert again.status_code == 304
    assert again.content == b""


def test_a_head_request_gets_the_headers_without_a_body(client, cached):
    response = client.head(cached)

    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


@pytest.mark.parametrize(
    ("accepts", "encoding", "decode"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("", None, bytes),
    ],
)
def test_each_compression_is_stored_as_sent(client, article, accepts, encoding, decode):
    headers = {"Accept-Encoding": accepts}
    client.get(article.url, headers=headers)

    response = client.get(article.url, headers=headers)

    assert response["X-Page-Cache"] == "hit"
    assert response.get("Content-Encoding") == encoding
    assert "Diazepam for back pain" in decode(response.content).decode()
    assert "Accept-Encoding" in response["Vary"]


# Every change a reader could see drops the stored page.


def test_publishing_a_change(client, article, cached):
    republish(article, summary="A new summary after the review.")

    assert shows(client, cached, "A new summary after the review.")


def test_unpublishing(client, article, cached):
    ArticlePage.objects.get(pk=article.pk).unpublish()

    assert client.get(cached).status_code == 404


def test_moving(client, article, cached, home):
    elsewhere = build_index(home, title="Guides", slug="guides", introduction="")
    ArticlePage.objects.get(pk=article.pk).move(elsewhere, pos="last-child")

    moved = client.get(cached)
    assert (moved.status_code, moved["Location"]) == (301, "/guides/diazepam/")
    assert shows(client, "/guides/diazepam/", "Diazepam for back pain")


def test_deleting(client, article, cached):
    ArticlePage.objects.get(pk=article.pk).delete()

    assert client.get(cached).status_code == 404


def test_scheduled_publishing(client, article, cached):
    page = ArticlePage.objects.get(pk=article.pk)
    page.summary = "Published by the schedule."
    revision = page.save_revision()
    record_review(page, revision, reviewer_account(page.medical_reviewer))
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    warm(client, cached)

    call_command("publish_scheduled", verbosity=0)

    assert shows(client, cached, "Published by the schedule.")


def test_a_comment_posted_live(client, article, cached, staff_user):
    staff = Client(headers={"Origin": "http://testserver"})
    staff.force_login(staff_user)
    staff.post(POST_URL, form_data(article, "Posted by the team, live at once."))
    assert stored(article)[0].is_public

    assert shows(client, cached, "Posted by the team, live at once.")


def test_a_comment_approved_and_removed(client, article, regular, comment_moderator):
    held = regular
    held.is_public = False
    held.save()
    warm(client, article.url)

    decisions.approve([held], comment_moderator)
    assert shows(client, article.url, held.comment)

    decisions.remove([held], comment_moderator)
    page = client.get(article.url).content.decode()
    assert held.comment not in page


def test_a_correction_added(client, article, cached):
    Correction.objects.create(
        page=article, date=timezone.localdate(), text="We corrected the dose."
    )

    assert shows(client, cached, "We corrected the dose.")


def test_a_person_edited(client, article, cached):
    author = article.authors.first().person
    author.name = "Dr Renamed Writer"
    author.save()

    assert shows(client, cached, "Dr Renamed Writer")


def test_a_topic_edited(client, article_factory, topic):
    page = article_factory("Heat for back pain", topics=[topic])
    warm(client, page.url)

    topic.name = "Lower back pain"
    topic.save()

    assert shows(client, page.url, "Lower back pain")


def test_the_review_date_passing(client, article, cached, monkeypatch):
    due = ArticlePage.objects.get(pk=article.pk).next_review_due
    assert "due for review" not in client.get(cached).content.decode()

    monkeypatch.setattr(clock, "today", lambda: due + datetime.timedelta(days=1))

    response = client.get(cached)
    assert response["X-Page-Cache"] == "miss"
    assert "This article is due for review" in response.content.decode()


def test_a_page_rendered_while_content_changed_is_not_kept(rf, article):
    """A render that read the old content, finishing after a change, stores nothing usable."""

    def render_during_a_publish(request):
        page_cache.bump()  # the change lands while this page is being rendered
        return page_cache_response("Old content")

    def render_now(request):
        return page_cache_response("New content")

    middleware = page_cache.PageCacheMiddleware(render_during_a_publish)
    middleware(rf.get("/any/"))

    after = page_cache.PageCacheMiddleware(render_now)(rf.get("/any/"))
    assert after["X-Page-Cache"] == "miss"
    assert after.content == b"New content"


def page_cache_response(text):
    from django.http import HttpResponse

    return HttpResponse(text)


# Nothing personal is stored or served.


def test_signed_in_editors_get_their_own_page(client, cached, editor):
    client.force_login(editor)

    response = client.get(cached)

    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()
    client.logout()
    # What the editor saw was not kept for readers.
    assert "wagtail-userbar" not in client.get(cached).content.decode()


def test_a_reader_with_a_message_waiting_is_not_served_a_stored_page(client, cached):
    client.cookies["messages"] = "anything"

    assert "X-Page-Cache" not in client.get(cached)


def test_a_page_with_a_form_token_is_never_stored(client, article):
    url = f"/report-a-problem/{article.pk}/"
    client.get(url)
    response = client.get(url)

    assert "X-Page-Cache" not in response
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_a_password_protected_article_is_never_stored(client, article, cached):
    PageViewRestriction.objects.create(
        page=article, restriction_type="password", password="letmein"
    )

    for _ in range(2):
        response = client.get(cached)
        assert "X-Page-Cache" not in response
        page = response.content.decode()
        assert 'name="password"' in page
        assert "What the evidence says" not in page


def test_searches_forms_and_the_admin_are_private(client, cached, editor):
    assert "X-Page-Cache" not in client.get("/search/?q=diazepam")
    posted = client.post(POST_URL, form_data(ArticlePage.objects.get(), "Hello."))
    assert "private" in posted["Cache-Control"]
    client.force_login(editor)
    admin = client.get("/admin/")
    assert "no-store" in admin["Cache-Control"] or "private" in admin["Cache-Control"]


def test_the_comment_form_on_a_stored_page_carries_no_token(client, cached):
    page = client.get(cached).content.decode()

    assert "csrfmiddlewaretoken" not in page
    assert "Set-Cookie" not in client.get(cached).headers


def test_a_comment_from_a_stored_page_is_accepted(client, article, cached):
    fresh = Client(headers={"Origin": "http://testserver"})
    page = fresh.get(cached)
    assert page["X-Page-Cache"] == "hit"
    data = {**form_data(article, "From a page out of the cache.")}

    response = fresh.post(POST_URL, data)

    assert response.status_code == 302
    assert [c.comment for c in pending(article)] == ["From a page out of the cache."]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://elsewhere.example"},
        {"Origin": "null"},
        {"Referer": "https://elsewhere.example/page/"},
        {},
    ],
    ids=["other-origin", "null-origin", "other-referer", "no-origin"],
)
def test_a_comment_sent_from_another_site_is_refused(article, headers):
    other = Client(headers=headers)

    response = other.post(POST_URL, form_data(article, "Forged from afar."))

    assert response.status_code == 403
    body = response.content.decode()
    assert "not sent from a page of this site" in body
    assert "Forged from afar." in body  # kept, to copy and post again
    assert stored(article) == []


def test_a_comment_with_this_sites_referer_and_no_origin_is_accepted(article):
    reader = Client(headers={"Referer": f"http://testserver{article.url}"})

    response = reader.post(POST_URL, form_data(article, "Sent by an older browser."))

    assert response.status_code == 302


def test_without_redis_pages_are_still_served(client, article, settings, closed_port):
    from settings.base import redis_cache

    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{closed_port}/0")}

    response = client.get(article.url)

    assert response.status_code == 200
    assert "Diazepam for back pain" in response.content.decode()
