"""The moderators' comment listing costs the same with 3 comments or 200,000.

The article filter is Wagtail's page chooser, not a list of every article; the state
column is worked out for the listed rows only; counting stops after MAX_PAGES pages;
the held queue has an index of its own.
"""

from datetime import timedelta

import pytest
from django_comments.models import CommentFlag

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.comments.admin import pagination
from articles.comments.builders import build_comment
from tests.html import soup, text

INDEX = "/admin/comments/"
HELD_INDEX = "article_comments_held_idx"


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def comment(article, words="A comment.", *, minutes_ago=0, **fields):
    fields.setdefault("is_public", False)
    return build_comment(
        article,
        words,
        submit_date=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


def listed_ids(response):
    return [
        int(box["data-object-id"])
        for box in soup(response).select("input[data-bulk-action-checkbox]")
        if box.has_attr("data-object-id")
    ]


def count_queries(client, url):
    client.get(url)  # warm: content types, site root paths, permissions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# The article filter


def test_listing_names_no_article_it_does_not_show(moderator_client, article_factory):
    shown = article_factory("Diazepam for back pain")
    comment(shown, "On the article shown.")
    for n in range(5):
        comment(article_factory(f"Unlisted treatment {n}"), "Elsewhere.")

    response = moderator_client.get(INDEX, {"article": shown.pk})

    html = response.content.decode()
    assert "Unlisted treatment" not in html
    document = soup(response)
    assert document.select("select[name=article]") == []
    chooser = document.select_one("#id_article-chooser")
    assert "Diazepam for back pain" in text(chooser)
    assert document.select_one("input[name=article]")["value"] == str(shown.pk)
    assert '"modelNames": ["articles.articlepage"]' in html


def test_moderator_filters_by_the_article_chosen(moderator_client, article_factory):
    diazepam, exercise = article_factory("Diazepam"), article_factory("Exercise")
    on_diazepam = comment(diazepam)
    comment(exercise)

    response = moderator_client.get(INDEX, {"article": diazepam.pk})

    assert listed_ids(response) == [on_diazepam.pk]
    active = soup(response).select_one("[data-w-active-filter-id=id_article]")
    assert "Diazepam" in text(active)


@pytest.mark.parametrize(
    "value", ["abc", "0", "-1", "99999999999999999999", "²", "999999", "home"]
)
def test_a_bad_article_id_is_a_filter_error_not_every_comment(
    moderator_client, article_factory, home, value
):
    comment(article_factory(), "Held and waiting.")
    article = home.pk if value == "home" else value

    response = moderator_client.get(INDEX, {"article": article})

    assert response.status_code == 200
    assert listed_ids(response) == []
    assert "No article has this id." in text(soup(response).main)


# Cost as the site grows


def test_listing_queries_do_not_grow_with_articles_or_comments(
    moderator_client, article_factory, django_user_model
):
    first = article_factory()
    comment(first)
    urls = (INDEX, f"{INDEX}?state=all", f"{INDEX}?state=all&article={first.pk}")
    one = {url: count_queries(moderator_client, url) for url in urls}

    for n in range(12):
        article = article_factory()
        comment(article, f"Held {n}")
        public = comment(article, f"Public {n}", is_public=True)
        CommentFlag.objects.create(
            comment=public,
            user=django_user_model.objects.create_user(username=f"reader{n}"),
            flag=CommentFlag.SUGGEST_REMOVAL,
        )
        comment(first, f"More on the first {n}", is_public=n % 2 == 0)
    many = {url: count_queries(moderator_client, url) for url in urls}

    assert many == one


@pytest.mark.parametrize("state", ["held", "all", "flagged", "spam"])
def test_flags_are_read_for_the_listed_rows_not_joined_to_every_comment(
    moderator_client, article_factory, state
):
    comment(article_factory())
    with CaptureQueriesContext(connection) as queries:
        moderator_client.get(INDEX, {"state": state})
    # A join needs GROUP BY over every comment before a page can be sorted and cut.
    assert not [q for q in queries if 'JOIN "django_comment_flags"' in q["sql"]]


def test_listing_stops_counting_after_its_last_page(
    moderator_client, article_factory, monkeypatch
):
    monkeypatch.setattr(pagination, "MAX_PAGES", 2)
    article = article_factory()
    oldest = comment(article, "The oldest", minutes_ago=100)
    for n in range(60):
        comment(article, f"Comment {n}", minutes_ago=n)

    with CaptureQueriesContext(connection) as queries:
        response = moderator_client.get(INDEX)

    page = text(soup(response).main)
    assert "More than 60 comments" in page
    assert "Page 1 of 2" in page
    counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1 and "LIMIT 61" in counts[0]
    # Past the last page offered, the oldest is one sort away.
    assert oldest.pk not in listed_ids(moderator_client.get(INDEX, {"p": 3}))
    assert listed_ids(moderator_client.get(INDEX, {"ordering": "submit_date"}))[0] == (
        oldest.pk
    )


def test_a_listing_within_its_pages_counts_exactly(
    moderator_client, article_factory, monkeypatch
):
    monkeypatch.setattr(pagination, "MAX_PAGES", 2)
    article = article_factory()
    for n in range(31):
        comment(article, f"Comment {n}", minutes_ago=n)

    page = text(soup(moderator_client.get(INDEX)).main)

    assert "31 comments" in page and "More than" not in page
    assert "Page 1 of 2" in page


def test_held_comments_have_an_index_of_their_own(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, "django_comments"
        )
    assert constraints[HELD_INDEX]["columns"] == ["submit_date", "id"]
