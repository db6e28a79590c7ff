"""Ids in comment addresses: anything but a plain, sane number is a 400 or 404, never 500."""

import pytest

from articles.comments.ids import parse_id
from tests.comments_fixtures import build_comment, form_data, stored

# "²" and "٣" pass str.isdigit() (and int() takes "٣"); the rest are just wrong.
BAD_IDS = ["²", "٣", "a", "-1", "0", "1.0", " 1", "99999999999999999999", "1e3", "%00"]


@pytest.mark.parametrize("value", BAD_IDS + ["", None, "2147483648", True])
def test_parse_id_takes_only_plain_ascii_numbers_in_range(value):
    assert parse_id(value) is None


@pytest.mark.parametrize("value", ["1", "42", "2147483647", 7])
def test_parse_id_reads_plain_numbers(value):
    assert parse_id(value) == int(value)


@pytest.mark.parametrize("value", BAD_IDS)
def test_a_post_naming_no_real_article_is_refused(client, article, value):
    response = client.post(
        "/comments/post/", form_data(article, "Odd id.", object_pk=value)
    )

    assert response.status_code == 400
    assert "Odd id." in response.content.decode()
    assert stored(article) == []


@pytest.mark.parametrize(
    "value", ["²", "٣", "a", "-1", "99999999999999999999", "1e3", "%00"]
)
def test_a_reply_to_a_strange_id_is_refused(client, article, regular, value):
    response = client.post(
        "/comments/post/", form_data(article, "Odd parent.", reply_to=value)
    )

    assert response.status_code == 200
    assert "could not be found" in response.content.decode()
    assert stored(article) == [regular]


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize(
    "address",
    ["/comments/reply/{}/", "/comments/flag/{}/", "/comments/delete/{}/"],
)
def test_reader_addresses_with_strange_ids_are_not_found(
    client, comment_moderator, address, value
):
    client.force_login(comment_moderator)
    assert client.get(address.format(value)).status_code == 404


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize("address", ["posted", "flagged", "sent"])
def test_done_pages_with_strange_ids_do_not_fail(db, client, address, value):
    assert client.get(f"/comments/{address}/", {"c": value}).status_code in (200, 404)


@pytest.mark.parametrize("value", BAD_IDS)
def test_permalinks_with_strange_ids_are_not_found(client, article, value):
    article_type = article.content_type_id
    assert client.get(f"/comments/cr/{article_type}/{value}/").status_code == 404
    assert client.get(f"/comments/cr/{value}/{article.pk}/").status_code == 404


@pytest.mark.parametrize("value", BAD_IDS)
@pytest.mark.parametrize(
    "address",
    [
        "/admin/comments/inspect/{}/",
        "/admin/comments/history/{}/",
        "/admin/comments/edit/{}/",
        "/admin/comments/approve/{}/",
    ],
)
def test_admin_comment_pages_with_strange_ids_are_not_found(
    client, moderator, address, value
):
    client.force_login(moderator)
    assert client.get(address.format(value)).status_code == 404


@pytest.mark.parametrize("value", BAD_IDS)
def test_bulk_approve_with_strange_ids_changes_nothing(
    client, article, moderator, value
):
    held = build_comment(article, "Held.", is_public=False)
    client.force_login(moderator)
    url = "/admin/bulk/django_comments_xtd/xtdcomment/approve/"

    asked = client.get(url, {"id": value})
    done = client.post(f"{url}?id={value}")

    assert asked.status_code == done.status_code == 404
    held.refresh_from_db()
    assert not held.is_public


def test_bulk_approve_skips_strange_ids_among_real_ones(client, article, moderator):
    held = build_comment(article, "Held.", is_public=False)
    client.force_login(moderator)
    url = "/admin/bulk/django_comments_xtd/xtdcomment/approve/"

    response = client.post(f"{url}?id={held.pk}&id=²&id=a")

    assert response.status_code == 302
    held.refresh_from_db()
    assert held.is_public
