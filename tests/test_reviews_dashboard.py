"""The admin dashboard tells editors how many articles need their medical review."""

import datetime

import pytest

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from articles.models import MedicalReview
from tests.html import soup, text

REPORT = "/admin/reports/reviews-due/"


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def dated(article_factory, editor):
    """A live article due for review on `due`; with None, one never reviewed."""

    def make(due, publish=True, **kwargs):
        article = article_factory(publish=publish and due is not None, **kwargs)
        if publish and due is None:
            article.get_latest_revision().publish(user=editor)
        elif publish:
            MedicalReview.objects.filter(article=article).update(next_review_due=due)
        return article

    return make


def panel(client):
    return soup(client.get(reverse("wagtailadmin_home"))).find(
        id="article-reviews-section"
    )


def test_panel_counts_overdue_and_due_soon(client, editor, dated):
    for due in (days(-100), days(-1), days(0), days(30), days(31), None):
        dated(due)
    dated(days(-5), publish=False)  # drafts are not due for review
    client.force_login(editor)
    found = panel(client)
    assert found is not None
    assert "Article reviews" in text(found)
    links = {text(a): a["href"] for a in found.find_all("a")}
    assert links["2 articles are overdue for medical review"] == (
        REPORT + "?status=overdue"
    )
    assert links["2 articles are due for review within 30 days"] == (
        REPORT + "?status=due_soon"
    )
    assert links["1 article is live without medical review"] == (
        REPORT + "?status=unreviewed"
    )
    assert links["See all review dates"] == REPORT


def test_panel_links_lead_to_the_filtered_report(client, editor, dated):
    dated(days(-3), title="Late one")
    dated(days(3), title="Soon one")
    client.force_login(editor)
    overdue = next(a for a in panel(client).find_all("a") if "overdue" in text(a))
    listed = soup(client.get(overdue["href"])).select("tbody tr")
    assert [text(row.find("td")) for row in listed] == ["Late one"]


def test_singular_counts_read_well(client, editor, dated):
    dated(days(-3))
    client.force_login(editor)
    shown = text(panel(client))
    assert "1 article is overdue for medical review" in shown
    assert "0 articles are due for review within 30 days" in shown


def test_editors_group_member_sees_the_panel(client, group_editor, dated):
    dated(days(-3))
    client.force_login(group_editor)
    assert "1 article is overdue" in text(panel(client))


def test_panel_is_hidden_from_users_who_cannot_use_the_report(
    client, django_user_model, dated
):
    dated(days(-3))
    user = django_user_model.objects.create_user(username="visitor", password="x")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert soup(response).find(id="article-reviews-section") is None
