"""Staff addresses added for review records, reports and two-factor sign-in: no 5xx."""

import pytest

URLS = [
    "/healthz?x=%00",
    "/healthz/%ff",
    "/admin/snippets/articles/medicalreview/inspect/abc/",
    "/admin/snippets/articles/medicalreview/inspect/99999999999999999999/",
    "/admin/snippets/articles/medicalreview/?reviewer=%00",
    "/admin/snippets/articles/medicalreview/?reviewer=abc",
    "/admin/snippets/articles/medicalreview/?reviewer=99999999999999999999",
    "/admin/reports/reviews-due/?status=%00",
    "/admin/reports/reviews-due/?medical_reviewer=99999999999999999999",
    "/admin/reports/reviews-due/?topic=abc",
    "/admin/two-factor/?next=%00",
    "/admin/two-factor/verify/?next=-1",
    "/admin/pages/999999999/edit/",
]


@pytest.mark.parametrize("url", URLS)
def test_hostile_input_gets_no_server_error(client, editor, home, url):
    client.force_login(editor)
    assert client.get(url).status_code < 500, url
    assert client.post(url, {"publish_without_review": "\x00"}).status_code < 500, url
