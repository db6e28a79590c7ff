"""The editorial policy explains how articles are made, and every article links to it."""

from django.core.management import call_command
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase

from articles.builders import build_home, build_index
from articles.demo_content.editorial import (
    EDITORIAL_POLICY,
    build_editorial_policy,
    build_standard_page,
)
from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from home.site_settings import EditorialSettings
from tests.html import heading_levels, skipped_levels, soup, text


def test_policy_page_explains_writing_review_sources_corrections_and_reports(
    client, home
):
    policy = build_standard_page(home, **EDITORIAL_POLICY)
    assert policy.url == "/editorial-policy/"
    page = soup(client.get(policy.url))
    assert text(page.find("h1")) == "Editorial policy"
    headings = [text(h) for h in page.find("main").find_all("h2")]
    assert headings == [
        "How we write articles",
        "How articles are reviewed",
        "How we use sources",
        "How we rate evidence",
        "How we correct mistakes",
        "How to report a problem",
        "About this demonstration",
    ]
    assert skipped_levels(heading_levels(page)) == []
    assert "demonstration" in text(page.select_one("p.lead"))
    # Articles link here to explain their certainty ratings.
    rating = page.find(id="how-we-rate-evidence")
    assert rating.name == "h2" and text(rating) == "How we rate evidence"
    explained = text(rating.find_next("ul"))
    for level in ("High", "Moderate", "Low", "Very low"):
        assert level in explained


def test_building_the_policy_twice_updates_it_in_place(home):
    build_standard_page(home, **EDITORIAL_POLICY)
    build_standard_page(home, **{**EDITORIAL_POLICY, "introduction": "Changed."})
    policy = StandardPage.objects.get()
    assert policy.introduction == "Changed."
    assert policy.live


def test_articles_link_to_the_live_policy_only(client, home, article_factory):
    policy = build_editorial_policy(home)
    site = home.get_site()
    article = article_factory()
    assert StandardPage.editorial_policy(site) == policy
    link = soup(client.get(article.url)).select_one(".byline__policy a")
    assert link["href"] == "/editorial-policy/"
    policy.unpublish()
    assert StandardPage.editorial_policy(site) is None


def test_the_policy_is_the_page_chosen_in_settings_whatever_its_slug(
    client, home, article_factory
):
    article = article_factory()
    # A page at the old conventional address is not the policy until it is chosen.
    build_standard_page(home, **EDITORIAL_POLICY)
    assert soup(client.get(article.url)).select_one(".byline__policy") is None
    chosen = build_standard_page(
        home, **{**EDITORIAL_POLICY, "title": "How we work", "slug": "how-we-work"}
    )
    settings = EditorialSettings.for_site(home.get_site())
    settings.editorial_policy_page = chosen
    settings.save()
    link = soup(client.get(article.url)).select_one(".byline__policy a")
    assert link["href"] == "/how-we-work/"


def test_demo_content_has_the_policy_people_and_review_dates(client, db):
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    assert StandardPage.objects.live().filter(slug="editorial-policy").count() == 1
    policy = EditorialSettings.objects.get().editorial_policy_page
    assert policy.slug == "editorial-policy"
    diazepam = ArticlePage.objects.get(slug="diazepam-for-back-pain")
    assert diazepam.authors.count() == 2
    assert diazepam.medical_reviewer.is_medical_reviewer
    assert not diazepam.review_overdue
    months = (diazepam.next_review_due.year - diazepam.last_reviewed_at.year) * 12 + (
        diazepam.next_review_due.month - diazepam.last_reviewed_at.month
    )
    assert months == 12
    overdue = [a.slug for a in ArticlePage.objects.live() if a.review_overdue]
    assert overdue == ["exercise-therapy-for-back-pain"]
    assert ArticlePage.objects.filter(corrections__isnull=False).distinct().count() == 1
    page = soup(client.get(diazepam.url))
    assert "Medically reviewed by Dr Dana Demo" in text(page.select_one(".byline"))
    assert page.select_one(".byline__policy a")["href"] == "/editorial-policy/"
    for person in (a.person for a in diazepam.authors.all()):
        assert "fictional" in person.biography
    # The efficacy section's rating note reaches the policy's explanation.
    rating_link = page.select_one('a[href="/editorial-policy/#how-we-rate-evidence"]')
    assert rating_link is not None
    policy_page = soup(client.get("/editorial-policy/"))
    assert policy_page.find(id="how-we-rate-evidence") is not None


class StandardPageRules(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.index = build_index(cls.home)

    def test_standard_pages_live_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertCanNotCreateAt(ArticleIndexPage, StandardPage)

    def test_policy_page_is_routable(self):
        policy = build_standard_page(self.home, **EDITORIAL_POLICY)
        self.assertPageIsRoutable(policy)
        self.assertPageIsRenderable(policy)


def test_editor_chooses_the_policy_in_settings(client, editor, home, article_factory):
    policy = build_standard_page(
        home, **{**EDITORIAL_POLICY, "title": "How we work", "slug": "how-we-work"}
    )
    site = home.get_site()
    url = reverse("wagtailsettings:edit", args=["home", "editorialsettings", site.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 200
    response = client.post(url, {"editorial_policy_page": policy.pk})
    assert response.status_code == 302
    assert EditorialSettings.for_site(site).editorial_policy_page == policy
    article = article_factory()
    link = soup(client.get(article.url)).select_one(".byline__policy a")
    assert link["href"] == "/how-we-work/"
