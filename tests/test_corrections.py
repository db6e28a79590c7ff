"""Editors add dated corrections; readers see them at the top of the article."""

import datetime

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import tests.test_editor_rules as admin_forms
from articles.models import ArticlePage, Correction
from tests.html import soup, text


def test_corrections_show_at_the_top_newest_first(client, article_factory):
    article = article_factory(
        corrections=[
            Correction(date=datetime.date(2025, 1, 10), text="Fixed a dose."),
            Correction(date=datetime.date(2025, 6, 2), text="Fixed a trial size."),
        ]
    )
    page = soup(client.get(article.url))
    box = page.select_one("header.article-header aside.corrections")
    assert box["aria-labelledby"] == "corrections-heading"
    assert text(box.find("h2")) == "Corrections"
    items = [text(li) for li in box.select("li")]
    assert items == [
        "2 June 2025: Fixed a trial size.",
        "10 January 2025: Fixed a dose.",
    ]
    assert [t["datetime"] for t in box.select("time")] == ["2025-06-02", "2025-01-10"]
    # Above the article's first section.
    body_start = page.select_one("section#overview")
    assert box.sourceline < body_start.sourceline


def test_an_article_without_corrections_shows_no_box(client, article_factory):
    page = soup(client.get(article_factory().url))
    assert page.select_one(".corrections") is None


def test_correction_text_is_escaped(client, article_factory):
    article = article_factory(
        corrections=[Correction(date=datetime.date(2025, 1, 1), text="<b>x</b> & y")]
    )
    box = soup(client.get(article.url)).select_one(".corrections")
    assert box.find("b") is None
    assert "<b>x</b> & y" in text(box)


def test_editor_adds_a_correction_in_the_admin(client, editor, index):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    data = admin_forms.article_form()
    data.update(
        nested_form_data(
            {
                "corrections": inline_formset(
                    [{"date": "2025-06-02", "text": "We fixed the trial size."}]
                )
            }
        )
    )
    data["publish_without_review"] = "on"  # an administrator, on purpose
    response = client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert [(c.date, c.text) for c in article.corrections.all()] == [
        (datetime.date(2025, 6, 2), "We fixed the trial size.")
    ]
    assert "We fixed the trial size." in text(soup(client.get(article.url)))


def test_a_correction_needs_a_date_and_text(client, editor, index):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    data = admin_forms.article_form()
    data.update(
        nested_form_data({"corrections": inline_formset([{"date": "", "text": ""}])})
    )
    response = client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
