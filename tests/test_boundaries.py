"""The site shell knows nothing of the articles: imports run one way, and the shell
offers hooks the articles fill."""

import importlib
import re
from pathlib import Path

from importlinter import cli

from django.apps import apps
from django.template.loader import get_template

from articles.demo_content.editorial import EDITORIAL_POLICY, build_standard_page
from home.site_settings import EditorialSettings
from tests.html import soup, text

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")
SHELL_TEMPLATES = [
    "base.html",
    "includes/header.html",
    "includes/footer.html",
    "includes/seo.html",
    "home/home_page.html",
]


def test_imports_run_from_search_to_articles_to_the_shell():
    assert cli.lint_imports(str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_shell_templates_do_not_load_the_articles_tags():
    articles_libraries = {"article_tags", "article_seo", "comment_tags"}
    for name in SHELL_TEMPLATES:
        source = get_template(name).template.source
        loaded = {lib for libs in LOAD.findall(source) for lib in libs.split()}
        assert not loaded & articles_libraries, name


def test_articles_fill_the_shells_navigation_and_front_page(client, article_factory):
    article = article_factory("Testamol for back pain")
    index_url = article.get_parent().url
    page = soup(client.get("/"))
    header_links = [a["href"] for a in page.select("header[role=banner] nav a")]
    footer_links = {text(a): a["href"] for a in page.select("footer nav a")}
    assert index_url in header_links
    assert footer_links["All articles"] == index_url
    assert text(page.select_one(".latest h2")) == "Latest articles"
    assert page.select_one(f'.latest a[href="{article.url}"]') is not None


def test_migration_keeps_the_policy_a_site_found_by_its_slug(home):
    policy = build_standard_page(home, **EDITORIAL_POLICY)
    EditorialSettings.objects.all().delete()
    migration = importlib.import_module("home.migrations.0003_editorialsettings")
    migration.choose_the_policy_found_by_slug(apps, None)
    chosen = EditorialSettings.objects.get(site=home.get_site())
    assert chosen.editorial_policy_page_id == policy.pk
