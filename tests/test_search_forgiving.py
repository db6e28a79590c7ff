"""A reader searches by a brand name, or misspells a word, and still finds the article."""

import io

import pytest

from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from wagtail.models import PageViewRestriction

from articles.builders import build_topic
from search.models import SearchTerm
from search.ranking import live_articles
from search.vocabulary import THRESHOLD, corrections, similarity
from tests.content import complete_body, overview
from tests.html import soup, text

SEARCH = reverse("search")
ON_POSTGRES = "postgresql" in django_settings.DATABASES["default"]["ENGINE"]
# A misspelt search that matches nothing: the results page, then every hint's queries.
SEARCH_NO_RESULTS = 11


def result_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def did_you_mean(client, query):
    hint = soup(client.get(SEARCH, {"q": query})).select_one(".search-did-you-mean a")
    return text(hint) if hint else None


@pytest.fixture
def diazepam(article_factory, topic):
    return article_factory(
        "Diazepam for back pain", other_names="Valium, Diazemuls", topics=[topic]
    )


# Other names


def test_brand_name_finds_the_article_ranked_first(client, article_factory, diazepam):
    body = complete_body()
    body[0] = overview(what_it_is="<p>" + "Not the same as valium. " * 6 + "</p>")
    article_factory("Heat wraps", summary="Gentler than valium, some say.", body=body)
    page = soup(client.get(SEARCH, {"q": "valium"}))
    assert result_titles(page) == ["Diazepam for back pain", "Heat wraps"]
    names = page.select_one(".search-result__other-names")
    assert text(names) == "Also known as Valium, Diazemuls"
    assert text(names.find("mark")) == "Valium"
    assert len(page.select(".search-result__other-names")) == 1


def test_other_names_rank_like_the_title(client, article_factory, diazepam):
    article_factory("Valium and alcohol")
    article_factory("Heat wraps", summary="Gentler than valium, some say.")
    titles = result_titles(soup(client.get(SEARCH, {"q": "valium"})))
    assert sorted(titles[:2]) == ["Diazepam for back pain", "Valium and alcohol"]
    assert titles[2] == "Heat wraps"


def test_a_topics_other_name_leads_to_the_topic(client, diazepam, topic):
    topic.other_names = "Lumbago, Lower back pain"
    topic.save()
    for query in ("lumbago", "lumbgo"):
        page = soup(client.get(SEARCH, {"q": query}))
        assert result_titles(page) == []
        assert [text(a) for a in page.select(".search-help__topics a")] == ["Back pain"]


# Did you mean


@pytest.mark.parametrize(
    "query, meant",
    [
        pytest.param("diazapam", "diazepam", id="title-word"),
        pytest.param("valum", "valium", id="brand-name"),
        pytest.param("diazemulz", "diazemuls", id="second-brand-name"),
        pytest.param(
            "valum for back painn", "valium for back pain", id="several-words"
        ),
    ],
)
def test_a_misspelling_gets_did_you_mean(client, diazepam, query, meant):
    page = soup(client.get(SEARCH, {"q": query}))
    assert result_titles(page) == []
    hint = page.select_one(".search-did-you-mean a")
    assert text(hint) == meant
    assert result_titles(soup(client.get(hint["href"]))) == ["Diazepam for back pain"]


def test_did_you_mean_follows_a_renamed_topic(client, diazepam, topic):
    topic.name = "Sciatica"
    topic.save()
    assert did_you_mean(client, "sciatca") is None  # no article says "sciatica"
    assert "sciatica" in set(SearchTerm.objects.values_list("word", flat=True))
    assert "back" not in set(
        SearchTerm.objects.filter(topic=topic).values_list("word", flat=True)
    )


def test_nothing_close_offers_nothing(client, diazepam):
    assert did_you_mean(client, "xylophone") is None


def test_a_drafts_title_is_never_suggested(client, article_factory):
    article_factory("Zorblatine for sleep", publish=False)
    renamed = article_factory("Testamol")
    renamed.title = "Flurbotrex renamed in a draft"
    renamed.other_names = "Quintabrand"
    renamed.save_revision()
    private = article_factory("Glimmerquat")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    for query in ("zorblatin", "flurbotrx", "quintabrnd", "glimerquat"):
        page = soup(client.get(SEARCH, {"q": query}))
        assert page.select_one(".search-did-you-mean") is None, query
    assert did_you_mean(client, "tetsamol") == "testamol"
    words = set(SearchTerm.objects.values_list("word", flat=True))
    assert not words & {"zorblatine", "flurbotrex", "quintabrand"}


def test_unpublished_and_deleted_articles_leave_no_words(client, diazepam):
    assert did_you_mean(client, "valum") == "valium"
    diazepam.unpublish()
    assert did_you_mean(client, "valum") is None
    assert not SearchTerm.objects.filter(article=diazepam).exists()
    diazepam.get_latest_revision().publish()
    assert did_you_mean(client, "valum") == "valium"
    diazepam.delete()
    assert not SearchTerm.objects.filter(word="valium").exists()


def test_rebuild_command_restores_the_vocabulary(client, diazepam, article_factory):
    article_factory("Zorblatine for sleep", publish=False)
    stored = set(SearchTerm.objects.values_list("word", "article_id", "topic_id"))
    SearchTerm.objects.all().delete()
    assert did_you_mean(client, "valum") is None
    out = io.StringIO()
    call_command("rebuild_search_terms", stdout=out)
    assert out.getvalue() == f"Stored {len(stored)} search terms.\n"
    assert set(SearchTerm.objects.values_list("word", "article_id", "topic_id")) == (
        stored
    )
    assert did_you_mean(client, "valum") == "valium"


def test_no_results_search_costs_the_same_queries_however_many_articles(
    client, article_factory, topic, django_assert_max_num_queries
):
    def check():
        client.get(SEARCH, {"q": "diazapam"})  # warm caches: the site
        with django_assert_max_num_queries(SEARCH_NO_RESULTS):
            page = soup(client.get(SEARCH, {"q": "diazapam"}))
        assert result_titles(page) == []
        assert text(page.select_one(".search-did-you-mean a")) == "diazepam"

    article_factory("Diazepam", other_names="Valium", topics=[topic])
    check()
    sleep = build_topic("Sleep", "sleep")
    for n in range(8):
        article_factory(
            f"Diazepam study {n}", other_names="Valium", topics=[topic, sleep]
        )
    check()


def test_a_query_of_many_misspelt_words_is_answered_at_the_same_cost(
    client, diazepam, django_assert_max_num_queries
):
    """The longest query the box takes, every word a near miss: one lookup, no error."""
    query = " ".join(["diazapam", "valum", "zqx"] * 22)[:200]
    client.get(SEARCH, {"q": query})  # warm caches: the site, the recorded query
    with django_assert_max_num_queries(SEARCH_NO_RESULTS):
        response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert result_titles(soup(response)) == []


# Trigram similarity, as pg_trgm computes it


@pytest.mark.parametrize(
    "a, b, shared, union",
    [
        ("paracetmol", "paracetamol", 9, 14),
        ("diazapam", "diazepam", 6, 12),
        ("valum", "valium", 4, 9),
        ("Word", "two words", 4, 11),  # pg_trgm's docs: 0.36363637
        ("", "word", 0, 1),
    ],
)
def test_similarity_is_pg_trgms(a, b, shared, union):
    assert similarity(a, b) == pytest.approx(shared / union, abs=1e-7)


def test_threshold_is_pg_trgms_default():
    assert THRESHOLD == 0.3


PAIRS = [
    ("diazapam", "diazepam"),
    ("valum", "valium"),
    ("Word", "two words"),
    ("back_pain", "back pain"),
    ("naïve", "naive"),
    ("ÉCOLE", "école"),
    ("a", "abc"),
    ("co-codamol", "codamol"),
    ("123", "1234"),
]


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL (DATABASE_URL): compares pg_trgm with the SQLite fallback",
)
def test_python_similarity_agrees_with_pg_trgm(db):
    with connection.cursor() as cursor:
        for a, b in PAIRS:
            cursor.execute("SELECT similarity(%s, %s)::float8, %s %% %s", [a, b, a, b])
            expected, close = cursor.fetchone()
            assert similarity(a, b) == expected, (a, b)
            assert (similarity(a, b) >= THRESHOLD) is close, (a, b)


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES,
    reason="needs PostgreSQL (DATABASE_URL): compares pg_trgm with the SQLite fallback",
)
def test_postgres_and_the_fallback_suggest_the_same(
    client, article_factory, diazepam, topic
):
    article_factory("Diazemuls injection", other_names="Diazemuls")
    article_factory("Paracetamol for back pain", other_names="Calpol, Panadol")
    topic.other_names = "Lumbago"
    topic.save()
    terms = [
        "diazapam", "valum", "diaz", "paracetmol", "panadl", "lumbgo", "back", "pian",
        "xylophone", "dia", "calpoll",
    ]  # fmt: skip
    live = live_articles()
    by_postgres = corrections(terms, live)
    assert by_postgres == corrections(terms, live, in_python=True)
    assert by_postgres["valum"] == "valium"
    assert by_postgres["xylophone"] == "xylophone"
    assert did_you_mean(client, "panadl") == "panadol"
