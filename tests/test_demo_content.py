"""The demo content loads, loads again without duplicates, and editors can open it."""

import pytest

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Page, Site

from articles.blocks import SINGLE_SECTIONS
from articles.contents import citing_items
from articles.demo_content.comments import COMMENTS
from articles.demo_content.people import PEOPLE
from articles.models import ArticlePage, ArticleReference, Topic
from articles.publishing import article_problems
from home.models import FeaturedArticle, HomePage
from tests.html import soup, text


def load():
    call_command("load_demo_content", verbosity=0)


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "slug", "live")),
        "references": sorted(
            ArticleReference.objects.values_list("page_id", "sort_order", "key")
        ),
        "topics": sorted(Topic.objects.values_list("pk", "slug")),
        "article_topics": sorted(
            ArticlePage.topics.through.objects.values_list("articlepage_id", "topic_id")
        ),
        "featured": list(
            FeaturedArticle.objects.order_by("sort_order").values_list(
                "article_id", flat=True
            )
        ),
        "sites": list(
            Site.objects.values_list("pk", "root_page_id", "is_default_site")
        ),
    }


@pytest.fixture
def demo(db):
    load()


@pytest.fixture
def diazepam(demo):
    return ArticlePage.objects.get(slug="diazepam-for-back-pain")


def test_loading_twice_changes_nothing(demo):
    before = snapshot()
    load()
    assert snapshot() == before
    assert HomePage.objects.count() == 1


def test_demo_has_no_duplicate_references_or_topics(demo):
    load()
    keys = list(ArticleReference.objects.values_list("page_id", "key"))
    assert len(keys) == len(set(keys))
    names = list(Topic.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


def test_demo_site_serves_the_home_page(client, demo):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is HomePage
    page = soup(client.get("/"))
    assert page.select("section.featured article.article-card")


def test_every_demo_article_meets_the_publishing_rules(demo):
    articles = ArticlePage.objects.live()
    assert articles.count() == 3
    for article in articles:
        block_types = {block.block_type for block in article.body}
        assert {"safety", "bottom_line"} <= block_types, article.slug
        keys = {ref.key for ref in article.references.all()}
        assert keys, article.slug
        cited = {
            key for item in citing_items(article.body) for key in item.citation_keys
        }
        assert cited <= keys, (article.slug, cited - keys)
        article.body.stream_block.clean(article.body)
        # The gate itself, as every route to "live" runs it.
        assert article_problems(article) == [], article.slug
        assert article.live_revision == article.latest_revision, article.slug


def blocks_of(article, block_type):
    return [b.value for b in article.body if b.block_type == block_type]


def section(article, block_type):
    (value,) = blocks_of(article, block_type)
    return value


def test_every_back_pain_article_opens_with_urgent_help_and_the_topic_requires_it(
    demo,
):
    back_pain = Topic.objects.get(slug="back-pain")
    assert back_pain.needs_urgent_help
    articles = ArticlePage.objects.live().filter(topics=back_pain)
    assert articles.count() == 3
    for article in articles:
        assert article.body[0].block_type == "urgent_help", article.slug
        help_ = section(article, "urgent_help")
        assert any("both legs" in s for s in help_["emergency"]), article.slug
        assert any("genitals" in s for s in help_["emergency"]), article.slug
        assert any("fever" in s for s in help_["urgent"]), article.slug
        # Fever calls for an urgent GP visit, not 999.
        assert not any("fever" in s for s in help_["emergency"]), article.slug
        # Without the block, the gate refuses the article.
        article.body = [(b.block_type, b.value) for b in article.body[1:]]
        assert any("Get help urgently" in p.message for p in article_problems(article))


def test_demo_sections_are_in_reading_order(demo):
    for article in ArticlePage.objects.live():
        sections = [
            b.block_type for b in article.body if b.block_type in SINGLE_SECTIONS
        ]
        assert sections == sorted(sections, key=SINGLE_SECTIONS.index), article.slug


def test_diazepam_keeps_guidelines_apart_from_the_evidence(diazepam):
    guidelines = section(diazepam, "guidelines")["recommendations"]
    assert guidelines[0]["organisation"] == "NICE"
    assert "NG59" in guidelines[0]["title"]
    choosing_wisely = guidelines[-1]
    assert "Choosing Wisely" in choosing_wisely["title"]
    assert choosing_wisely["strength"] == "do_not_offer"
    assert "benzodiazepines" in guidelines[0]["recommendation"]
    efficacy = section(diazepam, "efficacy")
    evidence_keys = {key for item in efficacy["evidence"] for key in item.citation_keys}
    # Recommendations are not findings: no guideline is cited as evidence.
    assert not evidence_keys & {"nice-ng59", "choosingwisely-fpm4"}
    assert evidence_keys == {"friedman2017", "cashin2021", "vantulder2003"}
    assert efficacy["bottom_line_certainty"] == "low"


def test_diazepam_evidence_reports_what_each_study_covered(diazepam):
    findings = {
        item["references"]: item["finding"]
        for item in section(diazepam, "efficacy")["evidence"]
    }
    friedman = findings["friedman2017"]
    assert "12 of the 57" in friedman and "8 of the 57" in friedman
    assert "one emergency department" in friedman
    cashin = findings["cashin2021"]
    assert "all kinds of muscle relaxants" in cashin
    assert "non-benzodiazepine" in cashin and "7.7" in cashin
    van_tulder = findings["vantulder2003"].lower()
    assert "as a group" in van_tulder and "side effects" in van_tulder


def test_diazepam_certainty_ratings_link_to_how_we_rate_evidence(diazepam):
    introduction = str(section(diazepam, "efficacy")["introduction"])
    assert "editors' rating" in introduction
    assert 'href="/editorial-policy/#how-we-rate-evidence"' in introduction


def test_each_certainty_label_says_whose_rating_it_is(client, diazepam):
    page = soup(client.get(diazepam.url))
    raters = page.select("#efficacy .certainty__rater a")
    assert raters and all(text(a) == "our editors' rating" for a in raters)
    policy_url = raters[0]["href"]
    assert policy_url.endswith("#how-we-rate-evidence")
    policy = soup(client.get(policy_url.split("#")[0]))
    assert policy.select_one("#how-we-rate-evidence") is not None


def test_diazepam_licensing_follows_the_product_information(diazepam):
    overview = str(section(diazepam, "overview")["what_it_is"])
    assert "muscle spasm" in overview
    assert "Back pain is not one of its licensed uses" not in overview
    (why,) = [
        v for v in blocks_of(diazepam, "rich_text") if "prescribe" in v["heading"]
    ]
    assert "5 to 7 days" in str(why["text"]) and "NICE" in str(why["text"])


def test_diazepam_safety_cites_every_warning_and_names_the_risks(diazepam):
    safety = section(diazepam, "safety")
    for warning in safety["warnings"]:
        assert warning.citation_keys, warning["title"]
    warnings = " ".join(w["title"] + " " + w["text"] for w in safety["warnings"])
    for risk in (
        "opioid",
        "Older people",
        "Pregnancy",
        "breast milk",
        "sleep apnoea",
        "myasthenia gravis",
        "severe liver disease",
        "alcohol or drugs",
        "breathing",
        "England and Wales",
    ):
        assert risk in warnings, risk
    interactions = " ".join(i["substance"] for i in safety["interactions"])
    for medicine in (
        "Opioid",
        "Gabapentin",
        "pregabalin",
        "Sleeping tablets",
        "antihistamines",
        "Alcohol",
    ):
        assert medicine in interactions, medicine
    facts = section(diazepam, "medicine_facts")
    for fact in (
        "course_length",
        "stopping",
        "too_much",
        "pregnancy",
        "breastfeeding",
        "driving",
        "alcohol",
    ):
        assert facts[fact].strip(), fact
    assert "breathing" in facts["too_much"]
    assert facts["check_first"]
    # The facts and the serious interactions say where they come from.
    assert {"uktis-diazepam", "si-2014-2868", "ni-formulary"} <= set(
        facts.citation_keys
    )
    serious = [
        i
        for i in section(diazepam, "safety")["interactions"]
        if i["severity"] == "serious"
    ]
    assert serious and all(i.citation_keys for i in serious)


def test_other_back_pain_articles_have_their_own_risks_and_red_flags(demo):
    nsaids = ArticlePage.objects.get(slug="nsaids-for-back-pain")
    efficacy = section(nsaids, "efficacy")
    assert efficacy["evidence"]
    safety = section(nsaids, "safety")
    assert safety["interactions"] and safety["who_should_not_take_it"]
    assert all(w.citation_keys for w in safety["warnings"])
    exercise = ArticlePage.objects.get(slug="exercise-therapy-for-back-pain")
    for article in (nsaids, exercise):
        words = " ".join(str(b.value) for b in article.body)
        assert "pharmacist checks" not in words, article.slug
        assert "down a leg" not in words, article.slug
        assert all(w.citation_keys for w in section(article, "safety")["warnings"])


def test_demo_references_can_be_found(demo):
    for ref in ArticleReference.objects.all():
        assert ref.doi or ref.pmid or ref.url, ref.key
        ref.full_clean(exclude=["page"])


def test_demo_commenters_are_not_the_authors(demo):
    authors = {person["name"] for person in PEOPLE}
    surnames = {name.split()[-1] for name in authors}
    for comment in COMMENTS:
        if comment.get("staff"):
            continue
        name = comment["name"].removesuffix(" (demo)")
        assert name not in authors and name.split()[-1] not in surnames, name


def test_reader_reads_the_demo_article(client, diazepam):
    page = soup(client.get(diazepam.url))
    assert text(page.find("h1")) == diazepam.title
    for anchor in (
        "urgent-help",
        "overview",
        "efficacy",
        "guidelines",
        "safety",
        "medicine-facts",
        "bottom-line",
        "references",
    ):
        assert page.find(id=anchor) is not None, anchor
    assert page.select_one('a[href="/editorial-policy/#how-we-rate-evidence"]')
    assert page.select("ol.reference-list > li")
    assert page.select("a.citation")


def test_editor_opens_the_demo_article_in_the_admin(client, editor, diazepam):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(diazepam.pk,)))
    assert response.status_code == 200
    assert diazepam.title in response.content.decode()


def test_editor_previews_the_demo_article(client, editor, diazepam):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=(diazepam.pk,)))
    assert response.status_code == 200
    assert diazepam.title in response.content.decode()


def test_readers_find_diazepam_by_its_brand_name(client, demo):
    page = soup(client.get("/search/", {"q": "valium"}))
    first = page.select_one(".search-results li a")
    assert text(first) == "Diazepam for back pain"


def test_a_misspelt_search_suggests_the_medicine(client, demo):
    page = soup(client.get("/search/", {"q": "diazapam"}))
    assert text(page.select_one(".search-did-you-mean a")) == "diazepam"
