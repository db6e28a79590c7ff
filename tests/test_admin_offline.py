"""Staff avatars are drawn by the site: no staff email address is sent to Gravatar."""

from django.urls import reverse

from tests.html import soup


def test_dashboard_shows_no_gravatar_avatar(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    page = soup(response)

    assert "gravatar" not in response.content.decode().lower()
    avatars = page.select("img.avatar, .avatar img")
    assert avatars, "the dashboard shows the signed-in user's avatar"
    for avatar in avatars:
        assert avatar["src"].startswith("/static/"), avatar["src"]
