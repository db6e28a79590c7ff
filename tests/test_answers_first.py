"""A reader gets their answers first: at a glance, urgent help, then the detail."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from articles import reviews
from articles.blocks import ArticleStreamBlock
from articles.urgent_help import UrgentHelpSettings
from tests.content import (
    alternatives,
    bottom_line,
    complete_body,
    deciding,
    efficacy,
    overview,
    person,
    safety,
)
from tests.html import heading_levels, skipped_levels, soup, text


def urgent_help(**value):
    return {
        "type": "urgent_help",
        "value": {
            "heading": "",
            "emergency": ["You cannot feel your legs"],
            "urgent": ["The pain is no better after 4 weeks"],
            **value,
        },
    }


def guidelines(*recommendations):
    return {
        "type": "guidelines",
        "value": {"heading": "", "recommendations": list(recommendations)},
    }


def guideline(**value):
    return {
        "organisation": "NICE",
        "title": "Low back pain and sciatica in over 16s (NG59)",
        "year": 2016,
        "strength": "do_not_offer",
        "recommendation": "Do not offer benzodiazepines for low back pain.",
        "url": "https://www.nice.org.uk/guidance/ng59",
        **value,
    }


def medicine_facts(**value):
    return {"type": "medicine_facts", "value": {"heading": "", **value}}


def full_body(*extra_after_safety, urgent_at_end=False):
    """Every section, guidelines and medicine facts in their reading-order places."""
    body = [
        overview(),
        efficacy(bottom_line_certainty="low"),
        guidelines(guideline()),
        safety(),
        *extra_after_safety,
        alternatives(),
        deciding(),
        bottom_line(),
    ]
    return [*body, urgent_help()] if urgent_at_end else [urgent_help(), *body]


def replaced(body, section):
    """`body` with its section of the same type swapped for `section`."""
    return [section if s["type"] == section["type"] else s for s in body]


def read(client, article):
    return soup(client.get(article.url))


def glance_lines(page):
    box = page.select_one("section.glance")
    return {
        text(line.find("dt")): line.find("dd") for line in box.select(".glance__line")
    }


# At a glance


def test_at_a_glance_sits_under_the_title_and_links_to_each_section(
    client, article_factory
):
    page = read(client, article_factory(body=full_body()))
    box = page.select_one("section.glance")
    assert box["aria-labelledby"] == "glance-heading"
    assert text(box.find("h2")) == "At a glance"
    assert box.find("dl") is not None
    # Straight after the title and summary, before who wrote it.
    assert box.find_previous("p", class_="article-summary") is not None
    assert box.find_next("div", class_="byline") is not None
    lines = glance_lines(page)
    assert list(lines) == [
        "Does it work?",
        "Main risks",
        "What else helps",
        "What guidelines say",
    ]
    for line in lines.values():
        href = line.select_one(".glance__source a")["href"]
        assert page.select_one(f"section{href}") is not None, href
    assert text(lines["Main risks"].select_one(".glance__text")) == (
        "Common side effects: Drowsiness."
    )
    assert text(lines["What guidelines say"].select_one(".glance__text")) == (
        "NICE: Do not offer benzodiazepines for low back pain."
    )


def test_at_a_glance_follows_the_efficacy_section(client, article_factory):
    article = article_factory(slug="testamol", body=full_body())
    works = glance_lines(read(client, article))["Does it work?"]
    assert text(works.select_one(".glance__text")) == "It may help a little."
    assert text(works.select_one(".glance__certainty")) == "Certainty: Low"
    assert text(works.select_one(".glance__source")) == "From How well does it work?"
    assert works.select_one(".glance__edited") is None

    body = replaced(
        full_body(),
        efficacy(bottom_line="It does not help.", bottom_line_certainty="moderate"),
    )
    article = article_factory(slug="testamol", body=body)  # a new, reviewed version
    works = glance_lines(read(client, article))["Does it work?"]
    assert text(works.select_one(".glance__text")) == "It does not help."
    assert text(works.select_one(".glance__certainty")) == "Certainty: Moderate"


def test_a_line_the_editors_worded_says_so(client, article_factory):
    article = article_factory(
        body=full_body(), glance_works="Probably not: try exercise first."
    )
    lines = glance_lines(read(client, article))
    works = lines["Does it work?"]
    assert text(works.select_one(".glance__text")) == (
        "Probably not: try exercise first."
    )
    assert text(works.select_one(".glance__source")) == (
        "Editors' summary of How well does it work?"
    )
    assert works.select_one(".glance__source a")["href"] == "#efficacy"
    # The certainty is still the section's.
    assert "Low" in text(works.select_one(".glance__certainty"))
    # The lines nobody reworded are still built from their sections.
    assert lines["Main risks"].select_one(".glance__edited") is None


def test_a_line_without_its_section_is_left_out(client, article_factory):
    page = read(client, article_factory(body=complete_body()))
    assert "What guidelines say" not in glance_lines(page)
    works = glance_lines(page)["Does it work?"]
    assert works.select_one(".glance__certainty") is None  # none given


# Get help urgently


def test_urgent_help_comes_first_wherever_it_sits_in_the_body(client, article_factory):
    page = read(client, article_factory(body=full_body(urgent_at_end=True)))
    regions = page.select("#urgent-help")
    assert len(regions) == 1  # shown once, at the top, not again in the body
    region = regions[0]
    # A labelled <section> is a region landmark.
    assert region.name == "section"
    heading = page.find(id=region["aria-labelledby"])
    assert heading.name == "h2"
    assert text(heading) == "! Get help urgently"
    assert heading.find(attrs={"aria-hidden": "true"}) is not None  # the "!" mark
    # Before the body, after at a glance.
    assert region.find_next("section", id="overview") is not None
    assert region.find_previous("section", class_="glance") is not None
    assert region.find_previous("section", class_="article-section") is None
    # The body keeps its other sections in order, without it.
    sections = [s["id"] for s in page.select("section.article-section[id]")]
    assert sections[0] == "overview"
    assert sections[-1] == "bottom-line"


def test_urgent_help_is_first_in_the_contents_and_set_apart(client, article_factory):
    page = read(client, article_factory(body=full_body(urgent_at_end=True)))
    links = page.select("nav.contents li")
    assert links[0]["class"] == ["contents__urgent"]
    assert links[0].a["href"] == "#urgent-help"
    hrefs = [li.a["href"] for li in links]
    assert hrefs.count("#urgent-help") == 1
    assert hrefs[1] == "#overview"


def test_urgent_help_is_headed_by_the_sites_own_wording(client, article_factory):
    article = article_factory(body=full_body())
    region = read(client, article).select_one("section#urgent-help")
    groups = region.select(".urgent-help__group")
    assert [text(g.find("h3")) for g in groups] == [
        "Call 999 or go to A&E now if:",
        "Get an urgent GP appointment or call 111 if:",
    ]
    assert [text(li) for li in groups[0].find_all("li")] == [
        "You cannot feel your legs"
    ]
    assert [text(li) for li in groups[1].find_all("li")] == [
        "The pain is no better after 4 weeks"
    ]

    advice = UrgentHelpSettings.for_site(Site.objects.get(is_default_site=True))
    advice.emergency_advice = "Call 911 now if:"
    advice.urgent_advice = "See a doctor today if:"
    advice.save()
    region = read(client, article).select_one("section#urgent-help")
    assert [text(h) for h in region.find_all("h3")] == [
        "Call 911 now if:",
        "See a doctor today if:",
    ]


def test_an_empty_group_is_left_out(client, article_factory):
    article = article_factory(body=[urgent_help(urgent=[]), *complete_body()])
    region = read(client, article).select_one("section#urgent-help")
    assert [text(h) for h in region.find_all("h3")] == ["Call 999 or go to A&E now if:"]


def test_without_urgent_help_nothing_is_added(client, article_factory):
    page = read(client, article_factory(body=complete_body()))
    assert page.select_one(".urgent-help") is None
    assert page.select_one(".contents__urgent") is None


def test_the_site_wording_is_read_once_per_page(client, article_factory):
    """One query for the setting, whatever else the page renders."""

    def queries_for(body):
        article = article_factory(body=body)
        client.get(article.url)  # warm caches: site, the setting's row
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return len(queries)

    assert queries_for(full_body()) == queries_for(full_body()[1:]) + 1


def test_the_urgent_help_block_renders_without_a_request(db):
    block = ArticleStreamBlock().child_blocks["urgent_help"]
    html = block.render(block.to_python(urgent_help()["value"]))
    assert "Call 999 or go to A&amp;E now if:" in html


# Guidelines and medicine facts


def test_guidelines_show_who_said_what_and_how_firmly(client, article_factory):
    body = replaced(
        full_body(),
        guidelines(
            guideline(),
            guideline(
                organisation="ACP",
                title="Noninvasive treatments for low back pain",
                year=2017,
                strength="consider",
                recommendation="Consider heat, massage or acupuncture.",
                url="",
            ),
        ),
    )
    page = read(client, article_factory(body=body))
    section = page.select_one("section#guidelines")
    assert text(section.find("h2")) == "What guidelines say"
    nice, acp = section.select("li.guideline")
    assert text(nice.find("h3")) == (
        "NICE: Low back pain and sciatica in over 16s (NG59) (2016)"
    )
    assert text(nice.select_one(".guideline__strength")) == "Strength: Do not offer"
    assert text(nice.select_one(".guideline__recommendation")) == (
        "Do not offer benzodiazepines for low back pain."
    )
    link = nice.select_one(".guideline__link a")
    assert link["href"] == "https://www.nice.org.uk/guidance/ng59"
    assert text(link).startswith("Read the guideline")
    assert text(acp.select_one(".guideline__strength")) == "Strength: Consider"
    assert acp.select_one(".guideline__link") is None


FACTS = {
    "alcohol": "Do not drink alcohol while taking it.",
    "how_to_take": "As tablets, usually for a few days.",
    "driving": "It can make you too drowsy to drive safely.",
    "pregnancy": "Talk to your doctor before taking it.",
    "too_much": "Call 111 straight away.",
    "breastfeeding": "It passes into breast milk.",
    "check_first": ["Sleep apnoea", "Myasthenia gravis"],
}


def test_medicine_facts_show_in_a_fixed_order(client, article_factory):
    page = read(client, article_factory(body=full_body(medicine_facts(**FACTS))))
    section = page.select_one("section#medicine-facts")
    assert text(section.find("h2")) == "Taking it safely"
    facts = section.select_one("dl.medicine-facts")
    assert [text(dt) for dt in facts.find_all("dt")] == [
        "How it is taken",
        "If you take too much",
        "Pregnancy",
        "Breastfeeding",
        "Driving",
        "Alcohol",
    ]
    assert [text(dd) for dd in facts.find_all("dd")][0] == FACTS["how_to_take"]
    heading = section.find("h3")
    assert text(heading) == (
        "Who should not take it, or should check with a doctor first"
    )
    assert [text(li) for li in heading.find_next("ul").find_all("li")] == [
        "Sleep apnoea",
        "Myasthenia gravis",
    ]


def test_answers_first_keep_the_heading_outline_and_ids_unique(client, article_factory):
    article = article_factory(
        body=full_body(medicine_facts(**FACTS), urgent_at_end=True)
    )
    response = client.get(article.url)
    assert b"{#" not in response.content  # a template comment that leaked
    page = soup(response)
    assert len(page.find_all("h1")) == 1
    assert skipped_levels(heading_levels(page.find("main"))) == []
    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert page.find(style=True) is None


# Under the title


def test_other_names_show_under_the_title(client, article_factory):
    page = read(client, article_factory(other_names="Valium, Diazemuls ,"))
    aka = page.select_one("header .article-aka")
    assert text(aka) == "Also known as: Valium, Diazemuls"
    assert aka.find_previous("h1") is not None
    assert read(client, article_factory()).select_one(".article-aka") is None


def test_updated_is_left_out_on_the_day_of_publication(client, article_factory):
    dates = read(client, article_factory()).select_one("p.article-dates")
    assert text(dates).startswith("Published ")
    assert "Updated" not in text(dates)


def test_review_is_one_line(client, article_factory, monkeypatch):
    monkeypatch.setattr(reviews, "today", lambda: datetime.date(2025, 6, 1))
    reviewer = person("dr-ada-check", name="Dr Ada Check", credentials="MB BS, FRCP")
    article = article_factory(
        medical_reviewer=reviewer, reviewed_on=datetime.date(2025, 3, 4)
    )
    page = read(client, article)
    lines = page.select(".byline__reviewer")
    assert len(lines) == 1
    assert text(lines[0]) == (
        "Medically reviewed by Dr Ada Check, MB BS, FRCP, on 4 March 2025, "
        "next review due 4 March 2026"
    )
    assert [t["datetime"] for t in lines[0].find_all("time")] == [
        "2025-03-04",
        "2026-03-04",
    ]
    assert page.select_one("dl.review-dates") is None

    monkeypatch.setattr(reviews, "today", lambda: datetime.date(2026, 3, 5))
    line = read(client, article).select_one(".byline__reviewer")
    assert text(line).endswith("next review was due 4 March 2026")


# JSON-LD


def json_ld(client, article):
    script = read(client, article).find("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    return next(n for n in graph if n["@type"] == "MedicalWebPage")


def test_json_ld_names_the_drug_by_its_other_names_and_warnings(
    client, article_factory
):
    article = article_factory(
        body=full_body(medicine_facts(**FACTS)),
        other_names="Valium, Diazemuls",
        about_treatment="Diazepam",
        about_treatment_type="Drug",
        about_condition="Low back pain",
    )
    page = json_ld(client, article)
    drug, condition = page["about"]
    assert drug == {
        "@type": "Drug",
        "name": "Diazepam",
        "alternateName": ["Valium", "Diazemuls"],
        "pregnancyWarning": FACTS["pregnancy"],
        "breastfeedingWarning": FACTS["breastfeeding"],
        "alcoholWarning": FACTS["alcohol"],
        "overdosage": FACTS["too_much"],
        "warning": [
            FACTS["driving"],
            "Who should not take it, or should check with a doctor first: "
            "Sleep apnoea; Myasthenia gravis.",
        ],
    }
    assert condition == {"@type": "MedicalCondition", "name": "Low back pain"}
    # The other names are the medicine's, not the page's.
    assert "alternateName" not in page


def test_json_ld_gives_only_the_facts_there_are(client, article_factory):
    article = article_factory(
        body=full_body(medicine_facts(alcohol="Avoid alcohol.")),
        about_treatment="Diazepam",
        about_treatment_type="Drug",
    )
    assert json_ld(client, article)["about"] == [
        {"@type": "Drug", "name": "Diazepam", "alcoholWarning": "Avoid alcohol."}
    ]


def test_json_ld_drug_warnings_only_for_a_drug(client, article_factory):
    article = article_factory(
        body=full_body(medicine_facts(**FACTS)),
        other_names="Physio",
        about_treatment="Physiotherapy",
        about_treatment_type="MedicalTherapy",
    )
    assert json_ld(client, article)["about"] == [
        {
            "@type": "MedicalTherapy",
            "name": "Physiotherapy",
            "alternateName": ["Physio"],
        }
    ]


def test_json_ld_topics_carry_their_other_names(client, article_factory, topic):
    topic.other_names = "Lumbago"
    topic.save()
    page = json_ld(client, article_factory(topics=[topic]))
    assert page["about"] == [
        {"@type": "Thing", "name": "Back pain", "alternateName": ["Lumbago"]}
    ]
