"""An administrator imports a WordPress export from the admin: upload, dry run, confirm."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import ArticlePage
from tests.browser.test_editorial_workflow import PASSWORD, log_in

EXPORT = Path(__file__).parent.parent / "wordpress_admin" / "small_export.xml"


@pytest.fixture
def owner(demo_site, django_user_model, settings, tmp_path):
    settings.PRIVATE_UPLOADS_ROOT = tmp_path / "private"
    return django_user_model.objects.create_superuser(
        username="owner", email="owner@example.org", password=PASSWORD
    )


def report_cells(page, label):
    return (
        page.locator(".wordpress-report tbody tr")
        .filter(has=page.get_by_role("rowheader", name=label))
        .locator("td")
    )


def test_administrator_checks_the_export_then_imports_it(owner, demo_site, page_at):
    page = log_in(page_at, demo_site, "owner")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.get_by_role("button", name="Settings").click()
    page.get_by_role("link", name="Import from WordPress").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import from WordPress")
    # The articles index is chosen already; the chooser shows it.
    expect(page.locator("[data-chooser-title]").first).to_have_text("Articles")
    page.get_by_label("WordPress export file").set_input_files(EXPORT)
    page.get_by_role("button", name="Check the file").click()

    expect(page.get_by_role("heading", level=2)).to_have_text(
        "Dry run: what the import would do"
    )
    expect(report_cells(page, "Posts (articles)")).to_have_text(["2", "0", "0", "0"])
    expect(page.locator(".wordpress-report__reasons")).to_contain_text(
        "Comments: 1 marked as spam in WordPress"
    )
    assert not ArticlePage.objects.filter(title="Heat wraps for back pain").exists()

    page.get_by_role("button", name="Import now").click()

    expect(page.get_by_role("heading", level=2)).to_have_text("Imported")
    expect(report_cells(page, "Posts (articles)")).to_have_text(["2", "0", "0", "0"])
    imported = ArticlePage.objects.get(title="Heat wraps for back pain")
    assert not imported.live, "a draft until it is medically reviewed"
    assert errors == []
