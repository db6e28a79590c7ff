"""Where comment rules live: one moderation path, one permission name, reader code apart."""

import ast
from pathlib import Path

import pytest

from django.contrib import admin
from django.urls import reverse

from wagtail.models import ModelLogEntry

from tests.comments_fixtures import build_comment, post

COMMENTS = Path(__file__).resolve().parent.parent / "articles" / "comments"


def imported_modules(path):
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
            names.update(
                "." * node.level + (node.module or "") + "." + alias.name
                for alias in node.names
            )
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize(
    "module", ["views.py", "forms.py", "moderation.py", "confirmation.py", "mail.py"]
)
def test_reader_code_never_imports_the_admin_package(module):
    imports = imported_modules(COMMENTS / module)
    assert not [name for name in imports if ".admin" in name or name == ".admin"]


def test_xtd_models_are_not_in_djangos_admin(client, editor):
    client.force_login(editor)

    index = client.get("/django-admin/")

    assert index.status_code == 200
    body = index.content.decode()
    for name in ("Xtd comments", "Comment flags", "Black listed domains"):
        assert name not in body
    for model in ("xtdcomment", "blacklisteddomain"):
        assert (
            client.get(f"/django-admin/django_comments_xtd/{model}/").status_code == 404
        )
    assert client.get("/django-admin/django_comments/commentflag/").status_code == 404
    assert not [
        m for m in admin.site._registry if m._meta.app_label.startswith("django_comm")
    ]


def test_the_reader_side_remove_link_decides_as_the_admin_does(
    client, article, moderator
):
    comment = build_comment(article, "Remove me.")
    client.force_login(moderator)

    response = client.post(reverse("comments-delete", args=[comment.pk]))

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_removed
    assert ModelLogEntry.objects.filter(action="article_comments.remove").count() == 1


def test_a_closed_article_refuses_through_the_moderators_rule_with_its_message(
    client, article
):
    type(article).objects.filter(pk=article.pk).update(comments_open=False)

    response = post(client, article, "Too late.")

    assert response.status_code == 403
    assert "Comments on this article are closed" in response.content.decode()
