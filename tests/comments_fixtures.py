"""Fixtures and helpers for reader comments, shared by the comment test modules."""

import re

import pytest
from django_comments_xtd.models import XtdComment

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse

from articles.comments.builders import build_comment, comments_of
from articles.comments.forms import ArticleCommentForm
from articles.comments.sites import set_site_domain

POST_URL = "/comments/post/"


@pytest.fixture(autouse=True)
def clear_cache():
    """The rate limit counts in the cache; each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_domain(db):
    """django.contrib.sites' domain, as SITE_DOMAIN sets it in production."""
    return set_site_domain("health.example.org", "Clear Health").domain


@pytest.fixture
def article(article_factory):
    return article_factory("Diazepam for back pain", slug="diazepam-for-back-pain")


@pytest.fixture
def other_article(article_factory):
    return article_factory("Paracetamol for back pain", slug="paracetamol")


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        username="sam",
        email="sam@example.org",
        password="password",
        first_name="Sam",
        last_name="Editor",
        is_staff=True,
    )


@pytest.fixture
def reader_user(django_user_model):
    """A signed-in reader who is not on the team."""
    return django_user_model.objects.create_user(
        username="robin", email="robin@example.net", password="password"
    )


@pytest.fixture
def comment_moderator(django_user_model):
    """Holds django_comments' real moderation permission, and nothing else."""
    user = django_user_model.objects.create_user(
        username="mo", email="mo@example.org", password="password"
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="django_comments", codename="can_moderate"
        )
    )
    return user


@pytest.fixture
def regular(article):
    """A reader with one published comment already, so the first-comment hold is past."""
    return build_comment(
        article, "An earlier comment.", name="Pat", email="pat@example.com"
    )


def form_data(page, comment="Helpful article, thank you.", **fields):
    """What the comment form under `page` posts, security fields included."""
    form = ArticleCommentForm(page)
    data = {
        name: form.initial[name]
        for name in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    data.update(
        {
            "name": "Pat",
            "email": "pat@example.com",
            "url": "",
            "comment": comment,
            "reply_to": "0",
            "honeypot": "",
            "next": reverse("comments-xtd-sent"),
            "post": "",
        }
    )
    data.update({key: value for key, value in fields.items() if value is not None})
    return {key: value for key, value in data.items() if value is not None}


def post(client, page, comment="Helpful article, thank you.", **fields):
    return client.post(POST_URL, form_data(page, comment, **fields))


def link_in(message, name):
    """The site path of the link named `name` (confirm, mute) in an email's text."""
    match = re.search(rf"https?://[^/\s]+(/comments/{name}/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def stored(page):
    return list(comments_of(page).order_by("thread_id", "order"))


__all__ = [
    "POST_URL",
    "XtdComment",
    "build_comment",
    "form_data",
    "link_in",
    "post",
    "stored",
]
