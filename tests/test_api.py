"""The read-only Wagtail API v2: live, public articles with their structured sections."""

import pytest

from django.core.management import call_command

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from articles.builders import build_topic, publish_reviewed
from articles.models import ArticleAuthor, ArticlePage, Person
from tests.content import make_image

ARTICLES = "/api/v2/pages/?type=articles.ArticlePage"
ALL_FIELDS = "summary,body,topics,references,authors,medical_reviewer"
LISTING_QUERIES = 9


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.content
    return response.json()


def listed_ids(client, url=ARTICLES):
    return {item["id"] for item in get(client, url)["items"]}


def test_demo_article_comes_back_with_its_sections(client, db):
    call_command("load_demo_content", verbosity=0)
    article = ArticlePage.objects.get(slug="diazepam-for-back-pain")
    data = get(client, f"/api/v2/pages/{article.pk}/")
    assert data["title"] == "Diazepam for back pain"
    assert data["meta"]["type"] == "articles.ArticlePage"
    assert data["summary"] == article.summary
    types = [block["type"] for block in data["body"]]
    for section in ("overview", "efficacy", "safety", "alternatives", "bottom_line"):
        assert section in types
    efficacy = next(b for b in data["body"] if b["type"] == "efficacy")["value"]
    finding = efficacy["evidence"][0]
    assert {"finding", "comparison", "direction", "certainty", "references"} <= set(
        finding
    )
    assert finding["references"] == "friedman2017"
    assert {"name": "Back pain", "slug": "back-pain"} in data["topics"]
    keys = [ref["key"] for ref in data["references"]]
    assert keys[0] == "friedman2017"
    friedman = data["references"][0]
    assert friedman["doi"] == "10.1016/j.annemergmed.2016.10.002"
    assert friedman["doi_url"] == "https://doi.org/10.1016/j.annemergmed.2016.10.002"
    assert friedman["year"] == 2017
    assert data["meta"]["first_published_at"]


def test_listing_gives_the_fields_asked_for(client, index, article_factory, topic):
    writer = Person.objects.create(name="Sam Writer", slug="sam", role="Health writer")
    doctor = Person.objects.create(
        name="Dr Lee",
        slug="lee",
        role="GP",
        credentials="MB BS",
        is_medical_reviewer=True,
    )
    article = article_factory(topics=[topic], medical_reviewer=doctor)
    article.authors.set([ArticleAuthor(person=writer)])
    publish_reviewed(article, article.save_revision())
    (item,) = get(client, f"{ARTICLES}&fields={ALL_FIELDS}")["items"]
    assert item["summary"] == article.summary
    assert item["topics"] == [{"name": "Back pain", "slug": "back-pain"}]
    assert item["authors"] == [
        {"name": "Sam Writer", "role": "Health writer", "credentials": ""}
    ]
    assert item["medical_reviewer"] == {
        "name": "Dr Lee",
        "role": "GP",
        "credentials": "MB BS",
    }
    assert item["references"][0]["key"] == "a"


def test_drafts_private_pages_and_unpublished_changes_never_appear(
    client, index, article_factory, django_user_model
):
    live = article_factory("Published title")
    draft = article_factory("Zanzibar draft", publish=False)
    private = article_factory("Private article")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    live.title = "Quixotic retitle"
    live.summary = "Unpublished summary"
    live.save_revision()

    # A signed-in reader gets no more from the API than anyone else.
    reader = django_user_model.objects.create_user("reader", password="password")
    for signed_in in (False, True):
        if signed_in:
            client.force_login(reader)
        assert listed_ids(client) == {live.pk}
        assert listed_ids(client, "/api/v2/pages/") == {
            index.get_parent().pk,
            index.pk,
            live.pk,
        }
        for page in (draft, private):
            assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        for page in (draft, private):
            find = f"/api/v2/pages/find/?html_path={page.url}"
            assert client.get(find).status_code == 404
        for query in ("Zanzibar", "Private", "Quixotic"):
            assert get(client, f"/api/v2/pages/?search={query}")["items"] == []
        detail = client.get(f"/api/v2/pages/{live.pk}/").content.decode()
        assert "Published title" in detail
        assert "Quixotic" not in detail
        assert "Unpublished summary" not in detail


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_the_api_is_read_only(client, editor, article_factory, method, endpoint):
    article = article_factory()
    client.force_login(editor)
    for url in (f"/api/v2/{endpoint}/", f"/api/v2/{endpoint}/{article.pk}/"):
        response = getattr(client, method)(url, {}, content_type="application/json")
        assert response.status_code == 405, (url, response.status_code)
    assert ArticlePage.objects.filter(pk=article.pk, live=True).exists()


def test_images_in_private_collections_are_not_listed(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    public = make_image("A public picture")
    private = make_image("A private picture")
    collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    private.collection = collection
    private.save()
    titles = [item["title"] for item in get(client, "/api/v2/images/")["items"]]
    assert titles == [public.title]
    assert get(client, "/api/v2/documents/")["meta"]["total_count"] == 0


def test_listing_queries_do_not_grow_with_articles(
    client, index, article_factory, topic, django_assert_num_queries
):
    writer = Person.objects.create(
        name="Sam Writer", slug="sam", role="Writer", is_medical_reviewer=True
    )
    sleep = build_topic("Sleep", "sleep")

    def make(count):
        for _ in range(count):
            article = article_factory(topics=[topic, sleep], medical_reviewer=writer)
            article.authors.set([ArticleAuthor(person=writer)])
            publish_reviewed(article, article.save_revision())

    url = f"{ARTICLES}&fields={ALL_FIELDS}&limit=20"
    make(1)
    client.get(url)  # warm caches: sites
    with django_assert_num_queries(LISTING_QUERIES):
        assert len(get(client, url)["items"]) == 1
    make(4)  # per-item queries would show at once
    with django_assert_num_queries(LISTING_QUERIES):
        assert len(get(client, url)["items"]) == 5


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_a_nul_character_in_a_search_gets_a_clear_400(client, home, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"search": "back\x00pain"})

    assert response.status_code == 400
    assert "NUL" in response.json()["message"]
