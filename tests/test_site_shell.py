"""Every reader page shares one accessible shell: language, skip link, landmarks, search."""

import pytest

from tests.html import heading_levels, parse, skipped_levels, text


@pytest.fixture
def pages(client, article_factory):
    article = article_factory("Testamol for back pain")
    urls = {
        "home": ("/", 200),
        "index": (article.get_parent().url, 200),
        "article": (article.url, 200),
        "search": ("/search/", 200),
        "results": ("/search/?q=testamol", 200),
        "not found": ("/no-such-page/", 404),
    }
    found = {}
    for name, (url, status) in urls.items():
        response = client.get(url)
        assert response.status_code == status, name
        found[name] = parse(response.content.decode())
    return found


def test_pages_declare_british_english(pages):
    for name, page in pages.items():
        assert page.find("html")["lang"] == "en-GB", name


def test_pages_have_a_title(pages):
    for name, page in pages.items():
        assert text(page.find("title")), name


def test_skip_link_comes_first_and_leads_to_main(pages):
    for name, page in pages.items():
        first_link = page.find("body").find("a")
        assert first_link["href"] == "#main", name
        assert "skip-link" in first_link["class"], name
        assert text(first_link) == "Skip to main content", name
        assert len(page.select("main#main")) == 1, name


def test_header_has_site_name_and_labelled_search(pages):
    for name, page in pages.items():
        header = page.find("header", attrs={"role": "banner"})
        assert header is not None, name
        assert header.find("a", href="/") is not None, name
        form = header.find("form", attrs={"role": "search"})
        assert form["action"] == "/search/", name
        assert form["method"].lower() == "get", name
        field = form.find("input", attrs={"name": "q"})
        label = page.find("label", attrs={"for": field.get("id")})
        assert label is not None or field.get("aria-label"), name
        assert page.find("footer") is not None, name


def test_each_page_has_one_h1_and_ordered_headings(pages):
    for name, page in pages.items():
        assert len(page.find_all("h1")) == 1, name
        assert heading_levels(page.find("main"))[0] == 1, name
        assert skipped_levels(heading_levels(page)) == [], name


def test_every_field_is_labelled(pages):
    for name, page in pages.items():
        for field in page.find_all(["input", "select", "textarea"]):
            if field.get("type") in {"hidden", "submit", "button"}:
                continue
            labelled = (
                field.get("aria-label")
                or field.get("aria-labelledby")
                or (field.get("id") and page.find("label", attrs={"for": field["id"]}))
                or field.find_parent("label")
            )
            assert labelled, (name, str(field))


def test_images_have_alt_text(pages):
    for name, page in pages.items():
        for image in page.find_all("img"):
            assert image.has_attr("alt"), (name, str(image))
