"""Readers' phones fetch images at the size they show them, in AVIF or WebP.

Body images and the hero come as a <picture>: AVIF and WebP sources at several widths
and a JPEG fallback, with width and height (no jump as they load) and the alt text the
editor wrote. Body images load as the reader nears them; the hero, the page's largest
paint, is fetched first.
"""

import pytest

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import re_path
from django.views.static import serve

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from settings.urls import urlpatterns as site_urlpatterns
from tests.content import bottom_line, make_image, overview, safety
from tests.html import parse, soup


def media_file(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


# The site's addresses, with its media served as the web server serves them.
urlpatterns = [re_path(r"^media/(?P<path>.*)$", media_file), *site_urlpatterns]

LARGE = (1600, 1000)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def large_image(title="A physiotherapist guiding a stretch"):
    return Image.objects.create(
        title=title, file=get_test_image_file(filename="large.png", size=LARGE)
    )


def image_block(image, alt_text="", decorative=False, caption=""):
    return {
        "type": "image",
        "value": {
            "image": {
                "image": image.pk,
                "alt_text": alt_text,
                "decorative": decorative,
            },
            "caption": caption,
        },
    }


def srcset(element):
    """[(url, width)] from a srcset attribute."""
    return [
        (url, int(width[:-1]))
        for url, width in (c.split() for c in element["srcset"].split(","))
    ]


@pytest.fixture
def article(media, article_factory):
    body = [
        overview(),
        image_block(large_image(), alt_text="A physiotherapist guiding a stretch"),
        safety(),
        image_block(make_image("A pattern"), decorative=True, caption="Pattern."),
        bottom_line(),
    ]
    return article_factory(body=body)


@pytest.mark.urls("tests.test_responsive_images")
def test_body_image_is_a_picture_of_webp_and_avif_widths(client, article):
    figure = soup(client.get(article.url)).find("figure", class_="article-figure")
    picture = figure.find("picture")
    webp = picture.find("source", type="image/webp")
    avif = picture.find("source", type="image/avif")
    assert [w for _, w in srcset(webp)] == [400, 800, 1200]
    assert [w for _, w in srcset(avif)] == [400, 800, 1200]
    assert all(url.endswith(".webp") for url, _ in srcset(webp))
    assert all(url.endswith(".avif") for url, _ in srcset(avif))
    assert webp["sizes"] == avif["sizes"]
    img = picture.find("img")
    assert img["alt"] == "A physiotherapist guiding a stretch"
    # Width and height keep the image's shape, so nothing jumps as it loads.
    assert (int(img["width"]), int(img["height"])) == (800, 500)
    assert img["src"].endswith(".jpg")
    assert [w for _, w in srcset(img)] == [400, 800, 1200]
    assert img["loading"] == "lazy"
    assert "fetchpriority" not in img.attrs


@pytest.mark.urls("tests.test_responsive_images")
def test_every_rendition_address_answers(client, article):
    picture = soup(client.get(article.url)).find("figure").find("picture")
    urls = {
        url
        for source in picture.find_all(["source", "img"])
        for url, _ in srcset(source)
    }
    urls.add(picture.find("img")["src"])
    assert len(urls) == 9  # three widths in three formats
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] in {"image/avif", "image/webp", "image/jpeg"}
        assert b"".join(response.streaming_content)
        response.close()


@pytest.mark.urls("tests.test_responsive_images")
def test_a_decorative_image_has_empty_alt_text(client, article):
    figures = soup(client.get(article.url)).find_all("figure", class_="article-figure")
    img = figures[1].find("img")
    assert img["alt"] == ""
    assert "Pattern." in figures[1].find("figcaption").get_text()


@pytest.mark.urls("tests.test_responsive_images")
def test_a_small_original_lists_each_size_once(client, article):
    """The 640-pixel original cannot make 800 or 1200: one 640w, not three."""
    figures = soup(client.get(article.url)).find_all("figure", class_="article-figure")
    webp = figures[1].find("source", type="image/webp")
    assert [w for _, w in srcset(webp)] == [400, 640]


def test_hero_is_fetched_first_and_never_lazily(media, article_factory):
    article = article_factory(
        hero_image=large_image(), hero_image_alt="A physiotherapist guiding a stretch"
    )
    hero = parse(
        render_to_string("articles/includes/hero_image.html", {"page": article})
    )
    img = hero.find("picture").find("img")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img.attrs
    assert img["alt"] == "A physiotherapist guiding a stretch"
    assert (int(img["width"]), int(img["height"])) == (800, 400)
    webp = hero.find("source", type="image/webp")
    assert [w for _, w in srcset(webp)] == [480, 800, 1200]
    assert hero.find("source", type="image/avif") is not None


def test_no_hero_image_no_markup(media, article_factory):
    article = article_factory()
    assert not render_to_string(
        "articles/includes/hero_image.html", {"page": article}
    ).strip()
