"""A reader reads search results: best matches first, highlighted, filtered, promoted."""

import io

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from articles.builders import build_topic
from search import hits
from search.highlight import highlight, query_terms, snippet
from tests.content import (
    alternatives,
    complete_body,
    efficacy,
    evidence,
    overview,
    safety,
)
from tests.html import soup, text

SEARCH = reverse("search")
SUGGEST = reverse("search_suggest")


def result_titles(page):
    return [text(h) for h in page.select("article.article-card .article-card__title")]


def body_mentioning(word, times=1):
    body = complete_body()
    body[0] = overview(what_it_is="<p>" + f"It is like {word}. " * times + "</p>")
    return body


@pytest.fixture
def sleep_topic(db):
    return build_topic("Sleep", "sleep", "Getting to sleep and staying asleep.")


# Ranking


def test_title_match_ranks_above_body_match(client, article_factory):
    """However often the body repeats the word, and however long the title."""
    article_factory("Heat", body=body_mentioning("zylofen", times=8))
    article_factory("Zylofen tablets for long-lasting lower back pain in adults")
    article_factory("Ice", body=body_mentioning("zylofen"))
    titles = result_titles(soup(client.get(SEARCH, {"q": "zylofen"})))
    assert titles[0] == "Zylofen tablets for long-lasting lower back pain in adults"
    assert sorted(titles[1:]) == ["Heat", "Ice"]


def test_summary_match_ranks_above_body_match(client, article_factory):
    article_factory("Heat", body=body_mentioning("zylofen", times=8))
    article_factory("Ice", summary="Cold packs, compared with zylofen gel.")
    titles = result_titles(soup(client.get(SEARCH, {"q": "zylofen"})))
    assert titles == ["Ice", "Heat"]


def test_title_match_ranks_above_summary_match(client, article_factory):
    article_factory("Ice", summary="Cold packs, compared with zylofen gel.")
    article_factory("Zylofen gel")
    titles = result_titles(soup(client.get(SEARCH, {"q": "zylofen"})))
    assert titles == ["Zylofen gel", "Ice"]


@pytest.mark.parametrize(
    "section, word",
    [
        pytest.param(
            efficacy(items=[evidence(finding="Fewer quarblings after a week.")]),
            "quarblings",
            id="finding",
        ),
        pytest.param(
            safety(common_side_effects=["Blurfy vision"]), "blurfy", id="side-effect"
        ),
        pytest.param(
            safety(
                interactions=[
                    {
                        "substance": "Snorbitol",
                        "severity": "serious",
                        "effect": "Deep sleep.",
                        "advice": "Do not mix them.",
                    }
                ]
            ),
            "snorbitol",
            id="interaction",
        ),
        pytest.param(
            alternatives(
                options=[
                    {
                        "name": "Wobbleboard training",
                        "kind": "therapy",
                        "evidence": "Helps balance.",
                        "certainty": "low",
                        "references": "",
                        "page": None,
                    }
                ]
            ),
            "wobbleboard",
            id="alternative",
        ),
    ],
)
def test_structured_sections_are_searchable(client, article_factory, section, word):
    # A publishable body with this one section swapped in.
    body = [
        section if item["type"] == section["type"] else item for item in complete_body()
    ]
    article_factory("Testamol", body=body)
    page = soup(client.get(SEARCH, {"q": word}))
    assert result_titles(page) == ["Testamol"]
    assert word in text(page.select_one(".search-result__snippet")).casefold()


# Highlighting


def test_snippet_shows_the_matching_sentence_highlighted(client, article_factory):
    body = complete_body()
    body[0] = overview(
        what_it_is="<p>A medicine. It is made from quibblewort root. It is bitter.</p>"
    )
    article_factory("Testamol", body=body)
    page = soup(client.get(SEARCH, {"q": "quibblewort"}))
    result = page.select_one(".search-result__snippet")
    assert "It is made from quibblewort root." in text(result)
    assert "It is bitter" not in text(result)
    assert [text(m) for m in result.find_all("mark")] == ["quibblewort"]


def test_snippet_keeps_paragraphs_apart(client, article_factory):
    body = complete_body()
    body[0] = overview(
        what_it_is="<p>Rarely it causes a seizure (fit).</p><p>Back pain eases</p>"
    )
    article_factory("Testamol", body=body)
    for query in ("seizure", "eases"):
        page = soup(client.get(SEARCH, {"q": query}))
        snippet_text = text(page.select_one(".search-result__snippet"))
        assert "fit).Back" not in snippet_text
    assert snippet_text.endswith(": Back pain eases")


def test_summary_is_highlighted(client, article_factory):
    article_factory("Ice", summary="Cold packs for sore backs.")
    page = soup(client.get(SEARCH, {"q": "cold"}))
    marks = page.select(".article-card__summary mark")
    assert [text(m) for m in marks] == ["Cold"]


def test_highlighting_escapes_what_editors_wrote(client, article_factory):
    body = complete_body()
    body[0] = overview(
        what_it_is="<p>Vorbix &lt;script&gt;alert(1)&lt;/script&gt; works.</p>"
    )
    article_factory(
        "Testamol", summary="Vorbix <b>bold</b> & <script>x</script>", body=body
    )
    html = client.get(SEARCH, {"q": "vorbix"}).content.decode()
    assert "<mark>Vorbix</mark> &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "<script>alert" not in html
    assert "<b>bold</b>" not in html


def test_highlight_helper_escapes_and_marks_whole_words():
    terms = query_terms("Pain <b>")
    assert terms == ["pain", "b"]
    marked = highlight('Painful <b> & "pains" ok', terms)
    assert marked == (
        "<mark>Painful</mark> &lt;<mark>b</mark>&gt; &amp; &quot;<mark>pains</mark>"
        "&quot; ok"
    )
    assert highlight("<i>x</i>", []) == "&lt;i&gt;x&lt;/i&gt;"


def test_snippet_helper_prefers_the_sentence_with_most_terms_and_cuts_long_ones():
    texts = ["Back pain is common. Heat helps back pain a little.", "x " * 300]
    assert snippet(texts, ["heat", "pain"]) == (
        "<mark>Heat</mark> helps back <mark>pain</mark> a little."
    )
    long = "Word " * 100 + "target here " + "More " * 100
    cut = snippet([long], ["target"], length=80)
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "<mark>target</mark>" in cut
    assert len(cut) < 120
    assert snippet(["Nothing to see."], ["target"]) == ""


# Count, topic filter, pagination


def test_count_and_topic_filter(client, article_factory, topic, sleep_topic):
    article_factory("Testamol for backs", topics=[topic])
    article_factory("Testamol for sleep", topics=[sleep_topic])
    article_factory("Testamol for both", topics=[topic, sleep_topic])
    page = soup(client.get(SEARCH, {"q": "testamol"}))
    assert text(page.select_one("p.search-summary")) == "3 results for “testamol”"
    facets = {text(a): a["href"] for a in page.select("nav.search-filter a")}
    assert facets["Back pain (2)"] == "?q=testamol&topic=back-pain"
    assert facets["Sleep (2)"] == "?q=testamol&topic=sleep"

    filtered = soup(client.get(SEARCH + facets["Sleep (2)"]))
    assert sorted(result_titles(filtered)) == [
        "Testamol for both",
        "Testamol for sleep",
    ]
    assert text(filtered.select_one("p.search-summary")) == (
        "2 results for “testamol” in Sleep"
    )
    current = filtered.select_one("nav.search-filter a[aria-current]")
    assert text(current) == "Sleep (2)"


def test_unknown_topic_in_search_is_ignored(client, article_factory, topic):
    article_factory("Testamol", topics=[topic])
    for slug in ("no-such-topic", "<script>", "x" * 500, "\x00"):
        page = soup(client.get(SEARCH, {"q": "testamol", "topic": slug}))
        assert result_titles(page) == ["Testamol"]


def test_topic_with_no_matches_says_so(client, article_factory, topic, sleep_topic):
    article_factory("Testamol", topics=[topic])
    article_factory("Other", topics=[sleep_topic])
    page = soup(client.get(SEARCH, {"q": "testamol", "topic": "sleep"}))
    assert result_titles(page) == []
    assert text(page.select_one("p.search-summary")).startswith("0 results")
    assert "Search all topics" in text(page.select_one(".search-help"))


def test_pagination_keeps_query_and_topic(client, article_factory, topic):
    for n in range(12):
        article_factory(f"Testamol study {n}", topics=[topic])
    article_factory("Testamol elsewhere")
    first = soup(client.get(SEARCH, {"q": "testamol", "topic": "back-pain"}))
    assert text(first.select_one("p.search-summary")).startswith("12 results")
    next_link = first.select_one("nav.pagination a[rel=next]")
    assert "q=testamol" in next_link["href"]
    assert "topic=back-pain" in next_link["href"]
    second = soup(client.get(SEARCH + next_link["href"]))
    assert len(result_titles(second)) == 2
    assert "Testamol elsewhere" not in result_titles(second)


# Promotions and popular searches


def test_promotions_appear_above_results(client, article_factory, index):
    promoted = article_factory("Heat wraps")
    draft = article_factory("Secret promoted draft", publish=False)
    article_factory("Testamol")
    query = Query.get("Testamol")
    SearchPromotion.objects.create(
        query=query, page=promoted, sort_order=0, description="Our heat guide."
    )
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.nhs.uk/medicines/",
        external_link_text="NHS medicines A to Z",
        sort_order=2,
    )
    page = soup(client.get(SEARCH, {"q": "testamol"}))
    promotions = page.select_one("section.search-promotions")
    assert [text(a) for a in promotions.select("h3 a")] == [
        "Heat wraps",
        "NHS medicines A to Z",
    ]
    assert promotions.select("h3 a")[0]["href"] == promoted.url
    assert "Our heat guide." in text(promotions)
    assert "Secret promoted draft" not in text(page)
    results = page.select_one("ul.search-results")
    assert promotions.sourceline < results.sourceline


def test_searches_are_recorded_for_the_popular_searches_report(
    client, admin_client, article_factory
):
    hits.MEMORY.clear()  # searches by earlier tests in this process
    article_factory("Testamol")
    for _ in range(3):
        client.get(SEARCH, {"q": "  Testamol "})
    client.get(SEARCH, {"q": "testamol", "page": "2"})  # a further page, not a search
    client.get(SEARCH, {"q": ""})
    call_command("flush_search_hits", stdout=io.StringIO(), stderr=io.StringIO())
    popular = Query.get_most_popular()
    assert [(q.query_string, q._hits) for q in popular] == [("testamol", 3)]
    report = admin_client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert report.status_code == 200
    assert "testamol" in report.content.decode()


# Hints when nothing matches


def test_did_you_mean_offers_a_close_title_word(client, article_factory, topic):
    article_factory("Paracetamol for back pain", topics=[topic])
    page = soup(client.get(SEARCH, {"q": "paracetmol"}))
    assert result_titles(page) == []
    hint = page.select_one(".search-did-you-mean a")
    assert text(hint) == "paracetamol"
    followed = soup(client.get(hint["href"]))
    assert result_titles(followed) == ["Paracetamol for back pain"]


def test_empty_results_suggest_spelling_and_close_topics(
    client, article_factory, topic
):
    article_factory("Testamol", topics=[topic])
    page = soup(client.get(SEARCH, {"q": "back pian"}))
    help_text = text(page.select_one(".search-help"))
    assert "check the spelling" in help_text
    assert [text(a) for a in page.select(".search-help__topics a")] == ["Back pain"]
    assert page.select_one(".search-help__topics a")["href"].endswith(
        "/topics/back-pain/"
    )


def test_hints_never_come_from_drafts(client, article_factory):
    article_factory("Zorblatine for sleep", publish=False)
    article_factory("Testamol")
    page = soup(client.get(SEARCH, {"q": "zorblatin"}))
    assert page.select_one(".search-did-you-mean") is None
    assert "Zorblatine" not in text(page)


# Drafts and private pages


def test_drafts_and_private_articles_are_never_results(client, article_factory):
    article_factory("Glimmerquat published")
    article_factory("Glimmerquat draft only", publish=False)
    private = article_factory("Glimmerquat private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    page = soup(client.get(SEARCH, {"q": "glimmerquat"}))
    assert result_titles(page) == ["Glimmerquat published"]
    assert text(page.select_one("p.search-summary")).startswith("1 result ")


def test_unpublished_changes_are_not_searched(client, article_factory):
    article = article_factory("Testamol")
    article.title = "Flurbotrex renamed in a draft"
    article.save_revision()
    assert result_titles(soup(client.get(SEARCH, {"q": "flurbotrex"}))) == []
    assert result_titles(soup(client.get(SEARCH, {"q": "testamol"}))) == ["Testamol"]


# Suggestions


def suggest(client, query, path=SUGGEST):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_suggestions_are_live_public_titles(client, article_factory):
    published = article_factory("Paracetamol for back pain")
    article_factory("Paracetamol draft", publish=False)
    private = article_factory("Paracetamol private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    data = suggest(client, "parace")
    assert data == {
        "query": "parace",
        "suggestions": [{"title": "Paracetamol for back pain", "url": published.url}],
    }


def test_suggestions_answer_without_the_trailing_slash(client, article_factory):
    article_factory("Paracetamol for back pain")
    data = suggest(client, "back pa", path="/search/suggest")
    assert [s["title"] for s in data["suggestions"]] == ["Paracetamol for back pain"]


def test_at_most_eight_suggestions(client, article_factory):
    for n in range(10):
        article_factory(f"Testamol study {n}")
    assert len(suggest(client, "testamol")["suggestions"]) == 8


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="empty"),
        pytest.param("p", id="one-letter"),
        pytest.param("a" * 1000, id="1000-characters"),
        pytest.param("para\x00", id="nul"),
        pytest.param('"foo" AND -bar OR (', id="operators"),
        pytest.param('"', id="lone-quote"),
        pytest.param("*", id="star"),
        pytest.param("':*", id="tsquery-syntax"),
        pytest.param("\\", id="backslash"),
        pytest.param("')); DROP TABLE wagtailcore_page; --", id="sql"),
        pytest.param("\u202e\ufeff\U0001f600 pain", id="unicode"),
        pytest.param(bytes(range(256)).decode("latin-1"), id="binary-junk"),
    ],
)
def test_odd_input_gets_empty_or_real_suggestions(client, article_factory, query):
    article_factory("Paracetamol for back pain")
    data = suggest(client, query)
    assert isinstance(data["suggestions"], list)
    assert len(data["query"]) <= 200
    assert "\x00" not in data["query"]


def test_suggestion_titles_are_data_not_markup(client, article_factory):
    article_factory("Testamol <b>strong</b>")
    data = suggest(client, "testamol")
    assert data["suggestions"][0]["title"] == "Testamol <b>strong</b>"


def test_pages_load_the_suggest_script_deferred(client, home):
    page = soup(client.get("/"))
    script = page.find("script", src=lambda s: s and "search-suggest.js" in s)
    assert script.has_attr("defer")
    assert script["data-suggest-url"] == SUGGEST


SEARCH_WITH_PROMOTIONS = 9


@pytest.mark.parametrize("promoted", [1, 3])
def test_promotions_cost_the_same_queries_however_many(
    client, article_factory, django_assert_num_queries, promoted
):
    pages = [article_factory(f"Testamol {n}") for n in range(3)]
    query = Query.get("testamol")
    for n, page in enumerate(pages[:promoted]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=n)
    url = SEARCH + "?q=testamol"
    client.get(url)
    with django_assert_num_queries(SEARCH_WITH_PROMOTIONS):
        page = soup(client.get(url))
    assert len(page.select(".search-promotion")) == promoted


def test_did_you_mean_finishes_an_unfinished_word(client, article_factory):
    article_factory("Diazepam for back pain")
    page = soup(client.get(SEARCH, {"q": "diaz"}))
    assert text(page.select_one(".search-did-you-mean a")) == "diazepam"
