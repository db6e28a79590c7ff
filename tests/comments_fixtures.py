"""Fixtures and helpers for reader comments, shared by the comment test modules."""

import re
import socket

import pytest
from django_comments_xtd.models import XtdComment

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import PageViewRestriction

from articles.comments.builders import build_comment, comments_of
from articles.comments.forms import ArticleCommentForm
from articles.comments.models import PendingComment
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


def pending(page):
    """Comments on `page` stored while they await their reader's confirmation."""
    return list(PendingComment.objects.filter(object_pk=str(page.pk)))


# Mail outages, for real: the SMTP backend pointed at a port that refuses, or at a
# listener that accepts connections and never says a word.

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def closed_port():
    """A local port nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_server():
    """A local socket that accepts connections (the kernel's backlog), never answering."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock


def was_contacted(server):
    """Whether anything connected to `server` (a silent_server) so far."""
    server.setblocking(False)
    try:
        connection, _address = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


@pytest.fixture
def smtp_refusing(settings, closed_port):
    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.EMAIL_TIMEOUT = 1


@pytest.fixture
def smtp_silent(settings, silent_server):
    settings.EMAIL_BACKEND = SMTP_BACKEND
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = silent_server.getsockname()[1]
    settings.EMAIL_TIMEOUT = 1


def smtp_working(settings):
    """Mail back: Django's test outbox stands in for a working server."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def mail_queue(settings):
    """Readers' emails through the database queue, as in production."""
    settings.TASKS = {
        **settings.TASKS,
        "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
    }


def run_mail_queue():
    """What `manage.py db_worker --queue-name mail` does, until nothing is ready."""
    call_command(
        "db_worker",
        "--batch",
        "--queue-name=mail",
        "--backend=mail",
        "--no-startup-delay",
        verbosity=0,
    )


# Articles readers may not see: every comment address must treat them as absent.


@pytest.fixture
def draft_article(article_factory):
    page = article_factory("Unpublished draft title", slug="unpublished-draft")
    page.unpublish()
    return page


@pytest.fixture
def private_article(article_factory):
    page = article_factory("Private article title", slug="private-article")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return page


@pytest.fixture
def password_article(article_factory):
    page = article_factory("Password article title", slug="password-article")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return page


@pytest.fixture(params=["draft_article", "private_article", "password_article"])
def hidden_article(request):
    """A draft, a login-restricted and a password-protected article, in turn."""
    return request.getfixturevalue(request.param)


__all__ = [
    "POST_URL",
    "SMTP_BACKEND",
    "XtdComment",
    "build_comment",
    "form_data",
    "link_in",
    "pending",
    "post",
    "run_mail_queue",
    "smtp_working",
    "stored",
    "was_contacted",
]
