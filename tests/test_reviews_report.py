"""Editors find the articles whose medical review is due, and take the list away."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleAuthor, MedicalReview, Person
from tests.html import soup, text

REPORT = "/admin/reports/reviews-due/"
TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def person(name, reviewer=False):
    slug = name.lower().replace(" ", "-")
    return Person.objects.create(
        name=name, slug=slug, role="Clinician", is_medical_reviewer=reviewer
    )


@pytest.fixture
def people(db):
    return {
        "writer": person("Sam Writer"),
        "ada": person("Dr Ada Reviewer", reviewer=True),
        "ben": person("Dr Ben Reviewer", reviewer=True),
    }


@pytest.fixture
def reviewed(article_factory, people, editor):
    """An article with an author and a reviewer, reviewed and due on the dates given.

    With no due date, an administrator published it without a medical review.
    """

    def make(title, due, reviewer="ada", last=None, publish=True, **kwargs):
        article = article_factory(
            title,
            medical_reviewer=people[reviewer],
            authors=[ArticleAuthor(person=people["writer"])],
            publish=publish and due is not None,
            reviewed_on=last or (due and days(-300)),
            **kwargs,
        )
        if publish and due is None:
            article.get_latest_revision().publish(user=editor)
        elif publish:
            # The interval would put the next review a year on; these dates are chosen.
            MedicalReview.objects.filter(article=article).update(next_review_due=due)
        return article

    return make


@pytest.fixture
def articles(reviewed, topic):
    return [
        reviewed("Current", days(200), reviewer="ben", topics=[topic]),
        reviewed("Long overdue", days(-40)),
        reviewed("Never reviewed", None),
        reviewed("Due soon", days(10), topics=[topic]),
        reviewed("Just overdue", days(-1), reviewer="ben"),
        reviewed("Due today", days(0)),
    ]


@pytest.fixture
def admin_client(client, editor):
    client.force_login(editor)
    return client


def rows(response):
    """The report's table as lists of cell texts."""
    table = soup(response).select_one("table")
    if table is None:
        return []
    return [[text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")]


def titles(response):
    return [row[0] for row in rows(response)]


def test_overdue_first_then_by_date_undated_last(admin_client, articles):
    found = rows(admin_client.get(REPORT))
    assert [row[0] for row in found] == [
        "Long overdue",
        "Just overdue",
        "Due today",
        "Due soon",
        "Current",
        "Never reviewed",
    ]
    assert [row[-1] for row in found] == [
        "Overdue",
        "Overdue",
        "Due within 30 days",
        "Due within 30 days",
        "Current",
        "Published without medical review",
    ]


def test_columns_show_authors_reviewer_and_dates(admin_client, articles):
    row = rows(admin_client.get(REPORT))[0]
    assert row[1] == "Sam Writer"
    assert row[2] == "Dr Ada Reviewer"
    assert row[3] == f"{days(-300):%-d %b %Y}"
    assert row[4] == f"{days(-40):%-d %b %Y}"


def test_title_links_to_the_editor(admin_client, articles):
    link = soup(admin_client.get(REPORT)).select_one("tbody tr a")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[articles[1].pk])


def test_filter_by_status(admin_client, articles):
    assert titles(admin_client.get(REPORT, {"status": "overdue"})) == [
        "Long overdue",
        "Just overdue",
    ]
    assert titles(admin_client.get(REPORT, {"status": "due_soon"})) == [
        "Due today",
        "Due soon",
    ]
    assert titles(admin_client.get(REPORT, {"status": "unreviewed"})) == [
        "Never reviewed"
    ]


def test_filter_by_reviewer_and_topic(admin_client, articles, people, topic):
    ben = people["ben"].pk
    assert titles(admin_client.get(REPORT, {"medical_reviewer": ben})) == [
        "Just overdue",
        "Current",
    ]
    assert titles(admin_client.get(REPORT, {"topic": topic.pk})) == [
        "Due soon",
        "Current",
    ]
    both = admin_client.get(REPORT, {"topic": topic.pk, "status": "current"})
    assert titles(both) == ["Current"]


def test_filters_also_work_on_the_results_fragment(admin_client, articles):
    response = admin_client.get(REPORT + "results/", {"status": "overdue"})
    assert titles(response) == ["Long overdue", "Just overdue"]


def test_drafts_are_not_listed(admin_client, reviewed):
    reviewed("Never published", days(-5), publish=False)
    reviewed("Published", days(-5))
    assert titles(admin_client.get(REPORT)) == ["Published"]


def download(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_csv_export_has_the_filtered_rows(admin_client, articles):
    response = admin_client.get(REPORT, {"status": "overdue", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "reviews-due" in response["Content-Disposition"]
    found = list(csv.reader(io.StringIO(download(response).decode())))
    assert found == [
        [
            "Article",
            "Authors",
            "Medical reviewer",
            "Last reviewed",
            "Next review due",
            "Status",
        ],
        [
            "Long overdue",
            "Sam Writer",
            "Dr Ada Reviewer",
            str(days(-300)),
            str(days(-40)),
            "Overdue",
        ],
        [
            "Just overdue",
            "Sam Writer",
            "Dr Ben Reviewer",
            str(days(-300)),
            str(days(-1)),
            "Overdue",
        ],
    ]


def test_csv_export_lists_every_article_in_order(admin_client, articles):
    response = admin_client.get(REPORT, {"export": "csv"})
    found = list(csv.reader(io.StringIO(download(response).decode())))
    assert [row[0] for row in found[1:]] == [
        "Long overdue",
        "Just overdue",
        "Due today",
        "Due soon",
        "Current",
        "Never reviewed",
    ]
    assert found[-1] == [
        "Never reviewed",
        "Sam Writer",
        "Dr Ada Reviewer",
        "",
        "",
        "Published without medical review",
    ]


def test_xlsx_export_opens_with_the_same_rows(admin_client, articles):
    response = admin_client.get(REPORT, {"export": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(download(response))).active
    found = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert found[0] == [
        "Article",
        "Authors",
        "Medical reviewer",
        "Last reviewed",
        "Next review due",
        "Status",
    ]
    assert [row[0] for row in found[1:]] == [
        "Long overdue",
        "Just overdue",
        "Due today",
        "Due soon",
        "Current",
        "Never reviewed",
    ]
    first = found[1]
    assert first[1:3] == ["Sam Writer", "Dr Ada Reviewer"]
    assert first[4] == days(-40)
    assert first[5] == "Overdue"


def test_export_buttons_are_offered(admin_client, articles):
    page = soup(admin_client.get(REPORT))
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    assert any("export=csv" in href for href in hrefs)
    assert any("export=xlsx" in href for href in hrefs)


def test_report_is_in_the_reports_menu(admin_client, articles):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert REPORT in response.content.decode()


def test_editors_group_member_can_use_the_report(client, group_editor, articles):
    client.force_login(group_editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    assert "Long overdue" in titles(response)


def test_user_without_page_permissions_is_turned_away(
    client, django_user_model, articles
):
    user = django_user_model.objects.create_user(username="visitor", password="x")
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    client.force_login(user)
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "Long overdue" not in client.get(REPORT, follow=True).content.decode()
    assert client.get(REPORT, {"export": "csv"}).status_code == 302
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT not in home


def test_anonymous_visitor_is_sent_to_log_in(client, articles):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query", ["", "?status=overdue", "?export=csv", "?export=xlsx"]
)
def test_queries_do_not_grow_with_articles(admin_client, reviewed, topic, query):
    reviewed("First", days(-3), topics=[topic])
    one = count_queries(admin_client, REPORT + query)
    for n in range(5):
        reviewed(f"Article {n}", days(n - 10), reviewer="ben" if n % 2 else "ada")
    assert count_queries(admin_client, REPORT + query) == one
