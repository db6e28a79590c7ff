"""JSON-LD: what search engines are told about each page, checked the way they read it."""

import datetime
import json

import pytest

from articles.builders import build_topic, publish_reviewed
from articles.models import ArticleAuthor, Person
from tests.content import (
    alternatives,
    bottom_line,
    deciding,
    efficacy,
    evidence,
    make_image,
    overview,
    reference,
    safety,
)
from tests.html import soup

MEDICAL_WEB_PAGE_REQUIRED = {
    "@id",
    "url",
    "headline",
    "name",
    "description",
    "inLanguage",
    "datePublished",
    "dateModified",
    "publisher",
    "isPartOf",
    "about",
}


def structured_data(response):
    """Every JSON-LD node on the page, by type."""
    scripts = soup(response).find_all("script", type="application/ld+json")
    assert len(scripts) <= 1
    if not scripts:
        return {}
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        assert node["@type"] not in nodes
        nodes[node["@type"]] = node
    return nodes


def person(name, slug, role, **fields):
    return Person.objects.create(name=name, slug=slug, role=role, **fields)


@pytest.fixture
def reviewed_article(article_factory):
    writer = person("Sam Writer", "sam-writer", "Health writer")
    doctor = person(
        "Dr Alex Morgan",
        "alex-morgan",
        "General practitioner",
        credentials="MB ChB, FRCGP",
        is_medical_reviewer=True,
    )
    article = article_factory(
        "Diazepam for back pain",
        summary="Diazepam added nothing to naproxen in the best trial.",
        body=[
            overview(),
            efficacy(items=[evidence(references="friedman2017")]),
            safety(),
            alternatives(),
            deciding(),
            bottom_line(),
        ],
        references=[
            reference(
                "friedman2017", year=2017, publisher="Annals of Emergency Medicine"
            ),
            reference(
                "nice-ng59",
                authors="National Institute for Health and Care Excellence",
                publisher="NICE",
                doi="",
                url="https://www.nice.org.uk/guidance/ng59",
            ),
        ],
        medical_reviewer=doctor,
        reviewed_on=datetime.date(2025, 3, 1),
        about_treatment="Diazepam",
        about_treatment_type="Drug",
        about_condition="Low back pain",
    )
    article.authors.set([ArticleAuthor(person=writer)])
    publish_reviewed(
        article, article.save_revision(), reviewed_on=datetime.date(2025, 3, 1)
    )
    return article


def test_article_is_a_medical_web_page(client, reviewed_article):
    page = structured_data(client.get(reviewed_article.url))["MedicalWebPage"]
    assert page.keys() >= MEDICAL_WEB_PAGE_REQUIRED
    assert page["headline"] == "Diazepam for back pain"
    assert page["description"] == reviewed_article.summary
    assert page["url"] == reviewed_article.get_full_url()
    assert page["inLanguage"] == "en-GB"
    published = datetime.datetime.fromisoformat(page["datePublished"])
    assert published == reviewed_article.first_published_at
    assert datetime.datetime.fromisoformat(page["dateModified"]) >= published
    assert page["publisher"]["@type"] == "Organization"
    assert page["publisher"]["name"] == "Clear Health"
    assert page["isPartOf"]["@type"] == "WebSite"


def test_article_names_its_authors_and_reviewer(client, reviewed_article):
    page = structured_data(client.get(reviewed_article.url))["MedicalWebPage"]
    assert page["author"] == [
        {
            "@type": "Person",
            "name": "Sam Writer",
            "jobTitle": "Health writer",
            "url": "http://localhost/people/sam-writer/",
        }
    ]
    assert page["reviewedBy"]["@type"] == "Person"
    assert page["reviewedBy"]["name"] == "Dr Alex Morgan"
    assert page["reviewedBy"]["jobTitle"] == "General practitioner"
    assert page["reviewedBy"]["honorificSuffix"] == "MB ChB, FRCGP"
    assert page["lastReviewed"] == "2025-03-01"


def test_an_unreviewed_article_claims_no_review(client, article_factory, editor):
    doctor = person("Dr Lee", "dr-lee", "Pharmacist", is_medical_reviewer=True)
    article = article_factory(medical_reviewer=doctor, publish=False)
    article.get_latest_revision().publish(user=editor)  # an administrator, directly
    page = structured_data(client.get(article.url))["MedicalWebPage"]
    assert "reviewedBy" not in page
    assert "lastReviewed" not in page


def test_article_is_about_the_drug_and_condition_the_editor_named(
    client, reviewed_article
):
    page = structured_data(client.get(reviewed_article.url))["MedicalWebPage"]
    assert page["about"] == [
        {"@type": "Drug", "name": "Diazepam"},
        {"@type": "MedicalCondition", "name": "Low back pain"},
    ]


def test_without_named_subjects_an_article_is_about_its_topics(client, article_factory):
    article = article_factory(topics=[build_topic("Back pain", "back-pain")])
    page = structured_data(client.get(article.url))["MedicalWebPage"]
    assert page["about"] == [{"@type": "Thing", "name": "Back pain"}]


def test_article_cites_its_references(client, reviewed_article):
    page = structured_data(client.get(reviewed_article.url))["MedicalWebPage"]
    trial, guideline = page["citation"]
    assert trial == {
        "@type": "ScholarlyArticle",
        "name": "Trial friedman2017",
        "author": "Smith J, Jones K",
        "datePublished": "2017",
        "isPartOf": {"@type": "Periodical", "name": "Annals of Emergency Medicine"},
        "url": "https://doi.org/10.1000/friedman2017",
        "sameAs": ["https://doi.org/10.1000/friedman2017"],
    }
    assert guideline["@type"] == "CreativeWork"
    assert guideline["author"] == "National Institute for Health and Care Excellence"
    assert guideline["publisher"] == {"@type": "Organization", "name": "NICE"}
    assert guideline["url"] == "https://www.nice.org.uk/guidance/ng59"


def test_article_image_is_the_social_rendition(
    client, article_factory, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    image = make_image()
    article = article_factory(hero_image=image, hero_image_alt="A stretch")
    page = structured_data(client.get(article.url))["MedicalWebPage"]
    assert page["image"] == (
        "http://localhost" + image.get_rendition("fill-1200x630").url
    )


def test_breadcrumbs_lead_from_home_to_the_page(client, index, article_factory):
    article = article_factory("Diazepam for back pain")
    crumbs = structured_data(client.get(article.url))["BreadcrumbList"]
    assert crumbs["itemListElement"] == [
        {
            "@type": "ListItem",
            "position": 1,
            "name": "Home",
            "item": "http://localhost/",
        },
        {
            "@type": "ListItem",
            "position": 2,
            "name": "Articles",
            "item": index.get_full_url(),
        },
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Diazepam for back pain",
            "item": article.get_full_url(),
        },
    ]
    index_crumbs = structured_data(client.get(index.url))["BreadcrumbList"]
    assert len(index_crumbs["itemListElement"]) == 2


def test_topic_page_breadcrumbs_end_with_the_topic(client, index, article_factory):
    article_factory(topics=[build_topic("Back pain", "back-pain")])
    response = client.get(index.url + "topics/back-pain/")
    crumbs = structured_data(response)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Articles", "Back pain"]
    assert crumbs[-1]["item"] == index.get_full_url() + "topics/back-pain/"


def test_home_page_describes_the_organisation_and_site_search(client, home):
    nodes = structured_data(client.get("/"))
    assert set(nodes) == {"Organization", "WebSite"}
    organization, website = nodes["Organization"], nodes["WebSite"]
    assert organization["name"] == "Clear Health"
    assert organization["url"] == "http://localhost/"
    assert website["url"] == "http://localhost/"
    assert website["publisher"] == {"@id": organization["@id"]}
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == (
        "http://localhost/search/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_markup_in_a_title_cannot_escape_the_script(client, article_factory):
    title = "Pain </script><script>alert(1)</script> & <!-- relief"
    article = article_factory(title)
    response = client.get(article.url)
    assert b"</script><script>alert(1)" not in response.content
    assert structured_data(response)["MedicalWebPage"]["headline"] == title


def test_the_only_inline_script_is_json_ld_and_the_policy_allows_it(
    client, reviewed_article
):
    response = client.get(reviewed_article.url)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    for script in soup(response).find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json"


def test_drafts_and_unpublished_changes_never_appear(client, index, article_factory):
    live = article_factory("Diazepam for back pain")
    article_factory("Zanzibar unpublished draft", publish=False)
    live.title = "Quixotic unpublished retitle"
    live.save_revision()
    for url in ("/", index.url, live.url):
        content = client.get(url).content.decode()
        assert "Zanzibar" not in content
        assert "Quixotic" not in content
    page = structured_data(client.get(live.url))["MedicalWebPage"]
    assert page["headline"] == "Diazepam for back pain"
