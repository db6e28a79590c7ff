"""Readers see who writes and reviews articles; editors keep the list of people."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from articles.models import ArticleAuthor, Person
from tests.content import make_image, person, writer
from tests.html import heading_levels, skipped_levels, soup, text


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def pat(db):
    return writer("pat-pen", name="Pat Pen", biography="Pat writes about pain.")


@pytest.fixture
def ada(db):
    return person("dr-ada-check", name="Dr Ada Check", credentials="MB BS")


def card_titles(section):
    return [text(h) for h in section.select(".article-card__title")]


def test_profile_shows_name_role_credentials_and_biography(client, ada):
    ada.biography = "Ada is a GP.\n\nShe reviews articles on pain."
    ada.save()
    page = soup(client.get(ada.get_absolute_url()))
    assert text(page.find("h1")) == "Dr Ada Check"
    assert text(page.select_one(".person__role")) == "General practitioner, MB BS"
    assert text(page.select_one(".person__badge")) == "Medical reviewer"
    assert len(page.select(".person__biography p")) == 2
    assert skipped_levels(heading_levels(page)) == []


def test_profile_lists_articles_written_and_reviewed_newest_first(
    client, article_factory, pat, ada
):
    article_factory(
        "Older",
        authors=[ArticleAuthor(person=pat)],
        first_published_at=published(30),
    )
    article_factory(
        "Newer",
        authors=[ArticleAuthor(person=pat)],
        medical_reviewer=ada,
        first_published_at=published(1),
    )
    article_factory("Reviewed last year", medical_reviewer=ada)
    article_factory("Someone else's")

    written = soup(client.get(pat.get_absolute_url())).select_one(".person-articles")
    assert card_titles(written) == ["Newer", "Older"]

    # A reviewer who has written nothing gets no empty "Articles by" list.
    page = soup(client.get(ada.get_absolute_url()))
    (reviewed,) = page.select(".person-articles")
    assert text(reviewed.find("h2")) == "Articles reviewed by Dr Ada Check"
    assert card_titles(reviewed) == ["Reviewed last year", "Newer"]


def test_a_reviewer_who_writes_has_both_lists(client, article_factory, ada):
    article_factory("Written", authors=[ArticleAuthor(person=ada)])
    article_factory("Reviewed", medical_reviewer=ada)
    written, reviewed = soup(client.get(ada.get_absolute_url())).select(
        ".person-articles"
    )
    assert card_titles(written) == ["Written"]
    assert card_titles(reviewed) == ["Reviewed"]


def test_a_writer_with_no_articles_yet_is_told_so(client, pat):
    (written,) = soup(client.get(pat.get_absolute_url())).select(".person-articles")
    assert "No published articles yet." in text(written)


def test_profile_lists_only_live_public_articles(client, article_factory, pat):
    article_factory("Live", authors=[ArticleAuthor(person=pat)])
    article_factory("Draft", authors=[ArticleAuthor(person=pat)], publish=False)
    private = article_factory("Private", authors=[ArticleAuthor(person=pat)])
    PageViewRestriction.objects.create(
        page=private, restriction_type="password", password="secret"
    )
    written = soup(client.get(pat.get_absolute_url())).select_one(".person-articles")
    assert card_titles(written) == ["Live"]


def test_writer_profile_has_no_reviewed_section(client, pat):
    page = soup(client.get(pat.get_absolute_url()))
    assert len(page.select(".person-articles")) == 1
    assert page.select_one(".person__badge") is None


def test_profile_photo_has_its_alt_text(client, ada, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ada.photo, ada.photo_alt = make_image(), "Dr Ada Check, smiling"
    ada.save()
    image = soup(client.get(ada.get_absolute_url())).select_one(".person__photo img")
    assert image["alt"] == "Dr Ada Check, smiling"


def test_unknown_person_is_not_found(client, db):
    assert client.get("/people/nobody/").status_code == 404


def test_profile_queries_do_not_grow_with_articles(client, article_factory, pat, ada):
    def queries():
        client.get(pat.get_absolute_url())  # warm caches: site root paths
        with CaptureQueriesContext(connection) as captured:
            assert client.get(pat.get_absolute_url()).status_code == 200
        return len(captured)

    article_factory(authors=[ArticleAuthor(person=pat)], medical_reviewer=ada)
    one = queries()
    for _ in range(5):
        article_factory(authors=[ArticleAuthor(person=pat)], medical_reviewer=ada)
    assert queries() == one


def test_editor_lists_and_searches_people(client, moderator, pat, ada):
    client.force_login(moderator)
    url = reverse("wagtailsnippets_articles_person:list")
    page = soup(client.get(url))
    headings = [text(th) for th in page.select("thead th")]
    for column in ("Name", "Role", "Credentials", "Medical reviewer"):
        assert column in headings, headings
    found = soup(client.get(url, {"q": "Ada"}))
    assert [text(a) for a in found.select("tbody td a")][:1] == ["Dr Ada Check"]
    assert "Pat Pen" not in text(found.select_one("tbody"))


def test_editor_adds_a_person(client, moderator):
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailsnippets_articles_person:add"),
        {
            "name": "Dr New Person",
            "slug": "dr-new-person",
            "role": "Pharmacist",
            "credentials": "MPharm",
            "biography": "",
            "photo": "",
            "photo_alt": "",
            "is_medical_reviewer": "on",
            "user": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(slug="dr-new-person").is_medical_reviewer


def test_medical_reviewers_may_look_people_up(client, django_user_model, ada):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="doc", password="x")
    user.groups.add(Group.objects.get(name="Medical reviewers"))
    client.force_login(user)
    url = reverse("wagtailsnippets_articles_person:list")
    assert client.get(url).status_code == 200
    assert client.get(reverse("wagtailsnippets_articles_person:add")).status_code in (
        302,
        403,
    )
