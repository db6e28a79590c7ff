"""A reader reports a problem with an article; the editors hear about it and close it."""

import pytest

from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from articles.models import ProblemReport
from articles.views import REPORT_RATE
from tests.html import parse, soup, text

MESSAGE = "The second trial had 114 people, not 141."


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache, which outlives a test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(article_factory):
    return article_factory("Testamol for back pain")


@pytest.fixture
def url(article):
    return reverse("report_problem", args=[article.pk])


@pytest.fixture
def editors_address(settings):
    settings.EDITORIAL_EMAIL = "editors@clear-health.example"
    return settings.EDITORIAL_EMAIL


def field_errors(page):
    return {
        p["id"].removesuffix("_error"): text(p)
        for p in page.select(".form-field__error")
    }


def test_every_article_links_to_the_form(client, article, url):
    link = soup(client.get(article.url)).find(
        "a", string="Report a problem with this page"
    )
    assert link["href"] == url


def test_the_form_has_labelled_fields_and_one_heading(client, article, url):
    page = soup(client.get(url))
    assert text(page.find("h1")) == "Report a problem with this page"
    for name in ("message", "name", "email"):
        assert page.find("label", attrs={"for": f"id_{name}"}) is not None, name
    assert page.find("a", href=article.url) is not None
    trap = page.select_one(".report-form__trap")
    assert trap["aria-hidden"] == "true"
    assert trap.find("input")["tabindex"] == "-1"


def test_reader_reports_a_problem_and_the_editors_are_emailed(
    client, article, url, editors_address
):
    response = client.post(
        url, {"message": MESSAGE, "name": "Jo Reader", "email": "jo@example.org"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("report_problem_thanks", args=[article.pk])
    report = ProblemReport.objects.get()
    assert (report.article, report.message, report.name, report.email) == (
        article,
        MESSAGE,
        "Jo Reader",
        "jo@example.org",
    )
    assert report.status == ProblemReport.Status.NEW
    (email,) = mail.outbox
    assert email.to == [editors_address]
    assert email.reply_to == ["jo@example.org"]
    assert "Testamol for back pain" in email.subject
    assert MESSAGE in email.body
    assert f"/admin/snippets/articles/problemreport/edit/{report.pk}/" in email.body
    thanks = soup(client.get(response["Location"]))
    assert text(thanks.find("h1")) == "Thank you for your report"


def test_name_and_email_are_optional(client, url):
    assert client.post(url, {"message": MESSAGE}).status_code == 302
    assert ProblemReport.objects.get().email == ""
    assert mail.outbox[0].reply_to == []


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": ""}, "message", "Tell us what is wrong with this page."),
        ({"message": "   "}, "message", "Tell us what is wrong with this page."),
        (
            {"message": "x" * 3001},
            "message",
            "Keep your message to 3,000 characters or fewer: it has 3001.",
        ),
        (
            {"message": MESSAGE, "email": "jo at example"},
            "email",
            "Enter an email address like name@example.org",
        ),
        (
            {"message": MESSAGE, "name": "n" * 121},
            "name",
            "Keep your name to 120 characters or fewer.",
        ),
        ({"message": "bad\x00byte"}, "message", "Null characters are not allowed."),
    ],
    ids=["empty", "blank", "too-long", "email", "long-name", "null-byte"],
)
def test_bad_input_is_refused_with_a_message_beside_the_field(
    client, url, data, field, message
):
    response = client.post(url, data)
    assert response.status_code == 200
    page = soup(response)
    assert message in field_errors(page)[f"id_{field}"]
    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.find("a", href=f"#id_{field}") is not None
    widget = page.find(id=f"id_{field}")
    assert widget["aria-invalid"] == "true"
    assert f"id_{field}_error" in widget["aria-describedby"]
    assert text(page.find("title")).startswith("Error: ")
    assert not ProblemReport.objects.exists()
    assert mail.outbox == []


def test_what_was_typed_is_kept(client, url):
    typed = {
        "message": "A <b>broken</b> link & more",
        "name": "Jo Reader",
        "email": "not-an-email",
    }
    page = soup(client.post(url, typed))
    assert (
        page.find("textarea", id="id_message").get_text().removeprefix("\n")
        == typed["message"]
    )
    assert page.find(id="id_name")["value"] == "Jo Reader"
    assert page.find(id="id_email")["value"] == "not-an-email"


def test_honeypot_submission_looks_fine_but_is_dropped(client, url):
    response = client.post(url, {"message": MESSAGE, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()
    assert mail.outbox == []


def test_reports_are_rate_limited_per_address(client, url):
    allowed = int(REPORT_RATE.split("/")[0])
    for n in range(allowed):
        assert client.post(url, {"message": f"{MESSAGE} {n}"}).status_code == 302
    response = client.post(url, {"message": "One more thing"})
    assert response.status_code == 429
    page = parse(response.content.decode())
    assert "Please wait an hour" in text(page.select_one(".error-summary"))
    assert (
        page.find("textarea", id="id_message").get_text().removeprefix("\n")
        == "One more thing"
    )
    assert ProblemReport.objects.count() == allowed
    other = client.post(url, {"message": "x"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


@pytest.mark.parametrize(
    "path",
    [
        "/report-a-problem/999999/",
        "/report-a-problem/9999999999999999999999/",
        "/report-a-problem/abc/",
        "/report-a-problem/999999/thanks/",
    ],
)
def test_a_bad_page_id_is_not_found(client, db, path):
    assert client.get(path).status_code == 404
    assert client.post(path, {"message": MESSAGE}).status_code == 404


def test_only_live_articles_take_reports(client, article_factory, home):
    draft = article_factory(publish=False)
    assert client.get(reverse("report_problem", args=[draft.pk])).status_code == 404
    assert client.get(reverse("report_problem", args=[home.pk])).status_code == 404


def test_email_failure_still_keeps_the_report(client, url, settings, monkeypatch):
    import smtplib

    from django.core.mail import EmailMessage

    def fail(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("down")

    monkeypatch.setattr(EmailMessage, "send", fail)
    assert client.post(url, {"message": MESSAGE}).status_code == 302
    assert ProblemReport.objects.count() == 1


def test_editor_lists_filters_and_resolves_reports(client, article, moderator, url):
    client.post(url, {"message": MESSAGE})
    client.post(url, {"message": "Typo in the summary."})
    resolved = ProblemReport.objects.get(message="Typo in the summary.")
    client.force_login(moderator)
    index = reverse("wagtailsnippets_articles_problemreport:list")
    listing = soup(client.get(index))
    assert len(listing.select("tbody tr")) == 2
    assert "Testamol for back pain" in text(listing.select_one("tbody"))

    edit = reverse("wagtailsnippets_articles_problemreport:edit", args=[resolved.pk])
    response = client.post(edit, {"status": "resolved"})
    assert response.status_code == 302
    resolved.refresh_from_db()
    assert resolved.status == ProblemReport.Status.RESOLVED
    assert resolved.message == "Typo in the summary."

    new_only = soup(client.get(index, {"status": "new"}))
    rows = new_only.select("tbody tr")
    assert len(rows) == 1


def test_editors_cannot_add_reports_in_the_admin(client, group_editor):
    client.force_login(group_editor)
    index = reverse("wagtailsnippets_articles_problemreport:list")
    assert client.get(index).status_code == 200
    add = reverse("wagtailsnippets_articles_problemreport:add")
    response = client.get(add)
    assert response.status_code in (302, 403)
    assert add not in client.get(index).content.decode()
