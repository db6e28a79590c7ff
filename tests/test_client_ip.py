"""Behind a proxy, rate limits count per reader address from the proxy's header."""

import pytest

from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from articles.models import ProblemReport
from articles.views import REPORT_RATE
from home.client_ip import UNKNOWN, client_ip

SOCKET = "10.0.0.5"  # the proxy, as the application server sees it


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def behind_proxy(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"


def address_of(header=None, remote=SOCKET, name="HTTP_X_REAL_IP"):
    meta = {"REMOTE_ADDR": remote}
    if header is not None:
        meta[name] = header
    return client_ip(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    "header, expected",
    [
        ("203.0.113.9", "203.0.113.9"),
        ("1.2.3.4, 5.6.7.8", "1.2.3.4"),
        ("not-an-ip, 5.6.7.8", "5.6.7.8"),
        (" 2001:db8::1 ", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("203.0.113.9:51234", "203.0.113.9"),
        ("fe80::1%eth0", "fe80::1"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        (None, SOCKET),
        ("", SOCKET),
        ("not-an-ip", SOCKET),
        ("unknown, ²³.1.1.1", SOCKET),
        ("1.2.3.4.5", SOCKET),
        ("x" * 10_000, SOCKET),
        (",".join(["junk"] * 5000 + ["1.2.3.4"]), SOCKET),
    ],
)
def test_first_valid_address_in_the_header_else_the_socket(
    behind_proxy, header, expected
):
    assert address_of(header) == expected


def test_header_may_be_named_as_http_spells_it(settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    assert address_of("198.51.100.1", name="HTTP_X_FORWARDED_FOR") == "198.51.100.1"


def test_without_a_configured_header_the_header_is_ignored(settings):
    settings.CLIENT_IP_HEADER = ""
    assert address_of("198.51.100.1") == SOCKET


def test_no_address_at_all_shares_one_limit(behind_proxy):
    # gunicorn on a Unix socket leaves REMOTE_ADDR empty.
    assert address_of(None, remote="") == UNKNOWN


@pytest.fixture
def report_url(article_factory):
    return reverse("report_problem", args=[article_factory().pk])


@pytest.mark.parametrize("header", [None, "not-an-ip", "1.2.3.4, 5.6.7.8", "%00"])
def test_reader_can_report_whatever_the_proxy_header_holds(
    client, behind_proxy, report_url, header
):
    extra = {} if header is None else {"HTTP_X_REAL_IP": header}
    response = client.post(report_url, {"message": "A typo in the summary."}, **extra)
    assert response.status_code == 302
    assert ProblemReport.objects.count() == 1


def test_rate_limit_counts_each_reader_behind_the_proxy_apart(
    client, behind_proxy, report_url
):
    allowed = int(REPORT_RATE.split("/")[0])

    def report(reader):
        data = {"message": "A typo in the summary."}
        return client.post(report_url, data, HTTP_X_REAL_IP=reader).status_code

    assert [report("203.0.113.1") for _ in range(allowed)] == [302] * allowed
    assert report("203.0.113.1") == 429
    # Same proxy socket, another reader: not limited by the first one's reports.
    assert report("203.0.113.2") == 302
