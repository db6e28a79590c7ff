"""A reader opens the demo article on a phone and a desktop, and moves through it."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import ArticlePage

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTICLE = "/articles/diazepam-for-back-pain/"


def has_horizontal_scroll(page):
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_reader_reads_demo_article_without_sideways_scrolling(
    demo_site, page_at, width
):
    page = page_at(width=width)
    page.goto(demo_site.url + ARTICLE)

    assert page.locator("h1").inner_text() == "Diazepam for back pain"
    assert not has_horizontal_scroll(page)


@pytest.mark.parametrize("width", [375, 1280])
def test_contents_links_move_reader_to_each_section(demo_site, page_at, width):
    page = page_at(width=width)
    page.goto(demo_site.url + ARTICLE)
    links = page.locator("nav.contents a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert {
        "#efficacy",
        "#safety",
        "#alternatives",
        "#bottom-line",
        "#references",
    } <= set(hrefs)

    for href in hrefs:
        page.locator(f'nav.contents a[href="{href}"]').click()
        page.wait_for_function("h => location.hash === h", arg=href)
        # The section starts at the top of the window, or as near as the page's end allows.
        top, at_end = page.locator(href).evaluate(
            """el => [el.getBoundingClientRect().top,
                      window.innerHeight + window.scrollY >= document.body.scrollHeight - 2]"""
        )
        assert abs(top) < 5 or (at_end and 0 <= top < 900), f"{href} is {top}px down"


def test_citation_leads_to_reference_and_back(demo_site, page_at):
    page = page_at()
    page.goto(demo_site.url + ARTICLE)
    citation = page.locator("#efficacy a.citation").first
    target = citation.get_attribute("href")
    citation.click()
    assert page.locator(target).is_visible()
    backlink = page.locator(f"{target} a.backlink").first
    backlink.click()
    assert page.evaluate("location.hash").startswith("#cite-")


@pytest.mark.parametrize(
    "path",
    ["/", "/articles/", ARTICLE, "/search/?q=back+pain", "/search/", "/no-such-page/"],
)
def test_pages_have_no_wcag_22_aa_violations(demo_site, page_at, path):
    page = page_at()
    page.goto(demo_site.url + path)
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
    )
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", [375, 1280])
def test_every_article_page_has_no_wcag_22_aa_violations(demo_site, page_at, width):
    page = page_at(width=width)
    urls = [article.url for article in ArticlePage.objects.live()]
    assert len(urls) >= 3
    for url in urls:
        page.goto(demo_site.url + url)
        results = Axe().run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}}
        )
        assert results.violations_count == 0, (url, results.generate_report())


def test_article_reads_the_same_without_javascript(demo_site, page_at):
    page = page_at(width=375, java_script_enabled=False)
    page.goto(demo_site.url + ARTICLE)
    assert page.locator("#safety h2").is_visible()
    assert page.locator("#references li").count() >= 5
