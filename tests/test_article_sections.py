"""A reader sees, in each section of an article, what the editor entered."""

import pytest

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
from tests.html import soup, text


@pytest.fixture
def linked(article_factory):
    """A live article and a draft one that alternatives point at."""
    return {
        "live": article_factory("Exercise for back pain", slug="exercise"),
        "draft": article_factory("Heat for back pain", slug="heat", publish=False),
    }


@pytest.fixture
def article(article_factory, linked, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = make_image()
    body = [
        overview(
            what_it_is="<p>Testamol is a <b>benzodiazepine</b>.</p>",
            how_it_works="<p>It quietens the nerves.</p>",
        ),
        efficacy(
            introduction="<p>Three small trials in adults.</p>",
            items=[
                evidence(
                    "Pain eased a little after a week.",
                    comparison="versus placebo",
                    direction="benefit",
                    certainty="low",
                ),
                evidence(
                    "More people fell.",
                    comparison="versus ibuprofen",
                    direction="harm",
                    certainty="very_low",
                ),
                evidence(
                    "Sleep was no better.",
                    direction="no_difference",
                    certainty="high",
                ),
                evidence(
                    "Function was mixed.", direction="mixed", certainty="moderate"
                ),
            ],
            bottom_line="It may help a little, for a short time.",
        ),
        safety(
            warnings=[
                {
                    "title": "Do not combine with opioids",
                    "text": "Together they can slow breathing.",
                    "references": "",
                }
            ],
            common_side_effects=["Drowsiness", "Dizziness"],
            dependence="<p>The body can come to depend on it.</p>",
            interactions=[
                {
                    "substance": "Opioid painkillers",
                    "severity": "serious",
                    "effect": "Deep sleepiness.",
                    "advice": "Tell your prescriber.",
                },
                {
                    "substance": "Grapefruit juice",
                    "severity": "minor",
                    "effect": "Slightly stronger effect.",
                    "advice": "Avoid large amounts.",
                },
            ],
            who_should_not_take_it=["People with sleep apnoea"],
            practical_advice=[
                {"topic": "Driving", "advice": "Do not drive until you know."}
            ],
        ),
        alternatives(
            introduction="<p>Most back pain settles on its own.</p>",
            options=[
                {
                    "name": "Exercise therapy",
                    "kind": "therapy",
                    "evidence": "Helps people move better.",
                    "certainty": "moderate",
                    "references": "",
                    "page": linked["live"].pk,
                },
                {
                    "name": "Heat wraps",
                    "kind": "self_care",
                    "evidence": "Ease pain for a few days.",
                    "certainty": "low",
                    "references": "",
                    "page": linked["draft"].pk,
                },
            ],
        ),
        deciding(
            introduction="<p>The right choice depends on you.</p>",
            questions=["How long should I take it for?"],
            factors=["You already take an opioid"],
        ),
        {
            "type": "rich_text",
            "value": {
                "heading": "Living with back pain",
                "text": "<p>Keep moving gently.</p>",
            },
        },
        {
            "type": "callout",
            "value": {
                "kind": "warning",
                "title": "Get help urgently if",
                "text": "<p>you lose control of your bladder.</p>",
            },
        },
        {
            "type": "faq",
            "value": {
                "heading": "Questions people ask",
                "questions": [
                    {
                        "question": "Can I drink alcohol?",
                        "answer": "<p>Not while you take it.</p>",
                    }
                ],
            },
        },
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "A physiotherapist guiding a stretch",
                    "decorative": False,
                },
                "caption": "Stretching helps many people.",
            },
        },
        bottom_line(text="<p>Not a good first choice for back pain.</p>"),
    ]
    return article_factory(
        "Testamol for back pain", body=body, references=[reference("a")]
    )


@pytest.fixture
def page(client, article):
    return soup(client.get(article.url))


def section(page, anchor):
    found = page.select_one(f"section#{anchor}")
    assert found is not None, f"no section#{anchor}"
    return found


def test_reader_sees_title_and_summary(page, article):
    assert text(page.find("h1")) == "Testamol for back pain"
    assert text(page.select_one("p.article-summary")) == article.summary


def test_overview_shows_what_it_is_and_how_it_works(page):
    overview_section = section(page, "overview")
    assert text(overview_section.find("h2")) == "What it is"
    assert "Testamol is a benzodiazepine." in text(overview_section)
    assert overview_section.find("b", string="benzodiazepine")
    assert "It quietens the nerves." in text(overview_section)


def test_efficacy_shows_each_finding_with_direction_and_certainty(page):
    efficacy_section = section(page, "efficacy")
    content = text(efficacy_section)
    assert text(efficacy_section.find("h2")) == "How well does it work?"
    assert "Three small trials in adults." in content
    for finding in (
        "Pain eased a little after a week.",
        "More people fell.",
        "Sleep was no better.",
        "Function was mixed.",
    ):
        assert finding in content
    assert "versus ibuprofen" in content
    assert "It may help a little, for a short time." in content

    certainties = [text(span) for span in efficacy_section.select("span.certainty")]
    assert [c.split(" ", 1)[1] for c in certainties] == [
        "Low certainty",
        "Very low certainty",
        "High certainty",
        "Moderate certainty",
    ]
    assert efficacy_section.select_one("span.certainty--very_low")
    directions = {text(span) for span in efficacy_section.select("span.direction")}
    assert directions == {"Benefit", "Harm", "No clear difference", "Mixed results"}
    assert efficacy_section.select_one("span.direction--harm")


def test_certainty_is_text_not_only_colour(page):
    low = page.select_one("section#efficacy span.certainty--low")
    assert "Low certainty" in text(low)
    marks = low.find(attrs={"aria-hidden": "true"})
    assert marks is not None
    assert "certainty" not in text(marks)


def test_safety_shows_warnings_effects_interactions_and_advice(page):
    safety_section = section(page, "safety")
    content = text(safety_section)
    assert text(safety_section.find("h2")) == "What are the risks?"
    for expected in (
        "Do not combine with opioids",
        "Together they can slow breathing.",
        "Drowsiness",
        "Dizziness",
        "The body can come to depend on it.",
        "People with sleep apnoea",
        "Driving",
        "Do not drive until you know.",
        "Deep sleepiness.",
        "Tell your prescriber.",
    ):
        assert expected in content, expected
    assert "Serious" in content
    assert "Minor" in content
    opioid = safety_section.find(string=lambda s: "Opioid painkillers" in s)
    assert opioid is not None
    entry = opioid.find_parent("li")
    assert "Serious" in text(entry)
    assert "Minor" not in text(entry)


def test_alternative_links_to_live_article_but_not_to_draft(page, linked):
    alternatives_section = section(page, "alternatives")
    content = text(alternatives_section)
    assert text(alternatives_section.find("h2")) == "What else can help?"
    assert "Most back pain settles on its own." in content
    assert "Exercise therapy" in content
    assert "Physical or psychological therapy" in content
    assert "Heat wraps" in content
    assert "Self-care" in content
    assert "Moderate certainty" in content
    hrefs = [a["href"] for a in alternatives_section.find_all("a", href=True)]
    assert linked["live"].url in hrefs
    assert linked["draft"].url not in hrefs
    assert page.find("a", href=linked["draft"].url) is None


def test_deciding_shows_questions_and_factors(page):
    deciding_section = section(page, "deciding")
    content = text(deciding_section)
    assert text(deciding_section.find("h2")) == "Deciding with your clinician"
    assert "The right choice depends on you." in content
    assert "How long should I take it for?" in content
    assert "You already take an opioid" in content


def test_bottom_line_shows_its_text(page):
    bottom_line_section = section(page, "bottom-line")
    assert text(bottom_line_section.find("h2")) == "The bottom line"
    assert "Not a good first choice for back pain." in text(bottom_line_section)


def test_rich_text_section_gets_its_heading_as_anchor(page):
    rich = section(page, "living-with-back-pain")
    assert text(rich.find("h2")) == "Living with back pain"
    assert "Keep moving gently." in text(rich)


def test_callout_shows_title_and_text(page):
    title = page.find(string=lambda s: "Get help urgently if" in s)
    assert title is not None
    assert "you lose control of your bladder." in text(page)


def test_faq_shows_questions_and_answers(page):
    faq = section(page, "questions-people-ask")
    assert text(faq.find("h2")) == "Questions people ask"
    assert "Can I drink alcohol?" in text(faq)
    assert "Not while you take it." in text(faq)


def test_image_has_its_alt_text_and_caption(page):
    figure = page.find("figure", class_="article-figure") or page.find("figure")
    assert figure is not None
    assert figure.find("img")["alt"] == "A physiotherapist guiding a stretch"
    assert text(figure.find("figcaption")) == "Stretching helps many people."


def test_editor_text_is_escaped(client, article_factory):
    article = article_factory(
        "Risks <script>alert(1)</script>",
        body=[
            overview(),
            efficacy(items=[evidence('<img src=x onerror="alert(1)">')]),
            safety(common_side_effects=["<b>bold</b>"]),
            bottom_line(),
        ],
        references=[reference("a")],
    )
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'onerror="alert(1)"' not in html
    assert "<b>bold</b>" not in html
