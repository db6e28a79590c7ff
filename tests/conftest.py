import itertools

import pytest

from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.signal_handlers import disable_reference_index_auto_update

from articles.builders import build_article, build_home, build_index, build_topic
from articles.models import ArticleAuthor
from tests.clients import browser_client
from tests.content import complete_body, person, reference, writer
from tests.template_db import migrated_from_template

pytest_plugins = ["tests.comments_fixtures"]


def is_transactional(item):
    """Whether the test commits for real, and the database is emptied after it."""
    marker = item.get_closest_marker("django_db")
    return bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
        or (marker is not None and marker.kwargs.get("transaction"))
    )


def pytest_collection_modifyitems(items):
    # A transactional test empties the database as it ends, taking what migrations made
    # (groups, the review workflow, Wagtail's root collection) with it. On SQLite the
    # migrated template is copied back instead (tests/template_db.py); on other
    # databases `make test` runs these alone, after the others.
    for item in items:
        if is_transactional(item):
            item.add_marker(pytest.mark.transactional)


@pytest.fixture
def client():
    """pytest-django's client, sending forms with their Origin as browsers do."""
    return browser_client()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    # pytest-django creates the test database right after this fixture.
    with migrated_from_template():
        yield


@pytest.fixture(scope="session", autouse=True)
def no_reference_index():
    """Wagtail's usage index (the admin's "Used by" lists) is left unwritten.

    Updating it after every save is a third of the cost of building an article, and no
    test reads it. It is thread-local: a live server's own requests still write it.
    """
    with disable_reference_index_auto_update():
        yield


@pytest.fixture
def parts_cached(settings):
    """Parts of pages cached as in production (Redis); the page cache itself off."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return build_home(introduction="<p>Plain answers about treatments.</p>")


@pytest.fixture
def index(home):
    return build_index(home, introduction="Every article, newest first.")


@pytest.fixture
def topic(db):
    return build_topic("Back pain", "back-pain", "Pain in the lower back.")


@pytest.fixture
def article_factory(index):
    """Build a complete, valid article; every call gets a fresh slug."""
    numbers = itertools.count(1)

    def make(title=None, **kwargs):
        n = next(numbers)
        kwargs.setdefault("slug", f"article-{n}")
        kwargs.setdefault("summary", f"What the evidence says about treatment {n}.")
        kwargs.setdefault("body", complete_body())
        kwargs.setdefault("references", [reference("a")])
        kwargs.setdefault("authors", [ArticleAuthor(person=writer())])
        kwargs.setdefault("medical_reviewer", person())
        return build_article(index, title or f"Treatment {n}", **kwargs)

    return make


@pytest.fixture
def editor(django_user_model):
    """A superuser: the admin as a site owner sees it."""
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="password"
    )


@pytest.fixture
def moderator(django_user_model):
    """A staff member in Wagtail's own "Moderators" group, who may publish."""
    user = django_user_model.objects.create_user(
        username="moderator", email="moderator@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def group_editor(django_user_model):
    """A staff member in Wagtail's own "Editors" group: may write, may not publish."""
    user = django_user_model.objects.create_user(
        username="writer", email="writer@example.org", password="password"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
