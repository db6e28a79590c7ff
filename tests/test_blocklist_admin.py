"""Editors and moderators keep the list of blocked words and domains as a snippet."""

import pytest

from django.urls import reverse

from articles.comments.models import BlockedTerm
from tests.html import soup, text
from tests.test_comments_admin import menu_urls

LIST = reverse("article_comments_blocked_terms:list")
ADD = reverse("article_comments_blocked_terms:add")


@pytest.fixture
def terms(db):
    return [
        BlockedTerm.objects.create(
            term="buy without prescription", action=BlockedTerm.Action.REJECT
        ),
        BlockedTerm.objects.create(
            term="online-pharmacy.example",
            kind=BlockedTerm.Kind.DOMAIN,
            note="Shop spam",
        ),
    ]


@pytest.fixture(params=["group_editor", "moderator"])
def keeper(request, client, db):
    # `db` named here: pytest-django orders tests by the fixtures they name, and a
    # user fetched by getfixturevalue would otherwise run after live-server flushes.
    client.force_login(request.getfixturevalue(request.param))
    return client


def rows(response):
    """Cells after the checkbox; the term is its link's text, without the row buttons."""
    return [
        [
            text(row.select_one("td.title a")),
            *(text(td) for td in row.find_all("td")[2:]),
        ]
        for row in soup(response).select("tbody tr")
    ]


def test_blocklist_lists_term_kind_and_action(keeper, terms):
    response = keeper.get(LIST)
    headers = [text(th) for th in soup(response).select("thead th")][1:]
    assert headers == ["Term", "Kind", "Action"]
    assert rows(response) == [
        ["buy without prescription", "Word or phrase", "Reject outright"],
        ["online-pharmacy.example", "Web domain", "Hold for a moderator"],
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pharm", "online-pharmacy.example"),
        ("prescription", "buy without prescription"),
    ],
)
def test_blocklist_is_searchable(keeper, terms, query, expected):
    assert [row[0] for row in rows(keeper.get(LIST, {"q": query}))] == [expected]


def test_blocklist_filters_by_action(keeper, terms):
    assert [row[0] for row in rows(keeper.get(LIST, {"action": "reject"}))] == [
        "buy without prescription"
    ]


def test_keeper_adds_a_term(keeper):
    response = keeper.post(
        ADD,
        {
            "term": "  Cheap-Pills.example ",
            "kind": "domain",
            "action": "reject",
            "note": "",
        },
    )
    assert response.status_code == 302
    term = BlockedTerm.objects.get()
    assert (term.term, term.kind, term.action) == (
        "cheap-pills.example",
        "domain",
        "reject",
    )


def test_a_duplicate_term_gets_a_clear_error(keeper, terms):
    response = keeper.post(
        ADD, {"term": "buy without prescription", "kind": "phrase", "action": "hold"}
    )
    assert response.status_code == 200
    assert "already exists" in text(soup(response))
    assert BlockedTerm.objects.count() == 2


def test_blocklist_is_in_the_menu(keeper):
    assert LIST in menu_urls(keeper)


def test_users_without_the_permission_cannot_see_or_change_it(
    client, django_user_model, terms
):
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user(username="outsider")
    outsider.user_permissions.add(
        Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
    )
    client.force_login(outsider)
    assert LIST not in menu_urls(client)
    for response in (
        client.get(LIST),
        client.post(ADD, {"term": "x", "kind": "phrase", "action": "hold"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert BlockedTerm.objects.count() == 2
