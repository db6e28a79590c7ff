"""A reader types in the header search box and picks a suggested article by keyboard."""

import re

ARTICLE = "/articles/diazepam-for-back-pain/"


def test_reader_picks_a_suggestion_with_the_keyboard(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + "/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"

    box.click()
    box.type("diaz", delay=30)
    listbox = page.locator("#site-search-suggestions")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.locator("[role=option]")
    assert options.first.inner_text() == "Diazepam for back pain"

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute(
        "id"
    )
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(re.compile(re.escape(ARTICLE) + "$"))


def test_escape_closes_and_enter_searches_as_usual(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + "/")
    box = page.locator("#site-search-q")
    box.click()
    box.type("diazepam", delay=30)
    page.locator("#site-search-suggestions").wait_for(state="visible")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#site-search-suggestions").is_hidden()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=diazepam$"))
    assert page.locator(".search-results li a").first.inner_text() == (
        "Diazepam for back pain"
    )


def test_search_works_without_javascript(demo_site, page_at):
    page = page_at(java_script_enabled=False)
    page.goto(demo_site.url + "/")
    page.locator("#site-search-q").fill("diazepam")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=diazepam$"))
    assert page.locator(".article-card__title").first.inner_text() == (
        "Diazepam for back pain"
    )
