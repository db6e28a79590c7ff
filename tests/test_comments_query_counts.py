"""The article page costs the same queries with 0, 20 or 200 comments under it.

The comment section adds a fixed few: whether the article is public (one query for
view restrictions), the comment settings and the thread (one query, authors joined);
for a signed-in moderator also the permission check, asked once.
PAGE_* are the whole article page's counts; they move when the article page gains or
loses a query of its own. If a count grows with the comments, something has started to
query per comment: find it rather than raise the number.
"""

import pytest

from django.contrib.auth.models import AnonymousUser, Permission
from django.template import Context, Template

from tests.comments_fixtures import build_comment

SECTION = {"anonymous": 3, "moderator": 5}
PAGE = {"anonymous": 22, "moderator": 29}


def add_comments(page, count, team_member):
    """`count` comments in threads three deep, some by the team, removed or held."""
    made = 0
    while made < count:
        top = build_comment(page, f"Top {made}", url="https://reader.example")
        reply = build_comment(page, "Team reply", parent=top, user=team_member)
        build_comment(page, "Deeper", parent=reply, is_removed=made % 20 == 0)
        build_comment(page, "Held", parent=top, is_public=False)
        made += 4


@pytest.fixture
def viewer(moderator):
    def make(who):
        if who == "anonymous":
            return AnonymousUser()
        moderator.user_permissions.add(
            Permission.objects.get(
                codename="can_moderate", content_type__app_label="django_comments"
            )
        )
        return type(moderator).objects.get(pk=moderator.pk)  # no cached permissions

    return make


def removal_links(html):
    return html.count('class="comment__remove"')


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_article_page_queries_do_not_grow_with_comments(
    client, article, staff_user, viewer, django_assert_num_queries, who
):
    user = viewer(who)
    if user.is_authenticated:
        client.force_login(user)
    shown = 0
    for total in (0, 20, 200):
        add_comments(article, total - shown, staff_user)
        shown = total
        assert client.get(article.url).status_code == 200  # warm caches
        with django_assert_num_queries(PAGE[who]):
            html = client.get(article.url).content.decode()
        # Each public comment offers a moderator "Remove"; readers never see it.
        public = total // 2 + total // 4 - total // 20
        assert removal_links(html) == (public if who == "moderator" else 0)


@pytest.mark.parametrize("who", ["anonymous", "moderator"])
def test_comment_section_costs_a_fixed_few_queries(
    rf, home, article, staff_user, viewer, django_assert_num_queries, who
):
    template = Template("{% load comment_tags %}{% article_comments page %}")
    shown = 0
    site = home.get_site()

    def render(user):
        request = rf.get(article.url)
        request.user = user
        request._wagtail_site = site  # found once per request, for the page
        return template.render(Context({"request": request, "page": article}))

    render(viewer(who))  # the site's comment settings are made on first use
    for total in (0, 20, 200):
        add_comments(article, total - shown, staff_user)
        shown = total
        user = viewer(who)  # a new request's user: permissions not yet cached
        with django_assert_num_queries(SECTION[who]):
            render(user)
