"""The site's name comes from Wagtail's Site, else the WAGTAIL_SITE_NAME setting."""

from django.template import engines
from django.test import override_settings

from wagtail.models import Site

from home.context_processors import site_name_for


def render(source, request):
    return engines["django"].from_string(source).render({}, request)


def test_templates_show_the_name_editors_gave_the_site(rf, home):
    Site.objects.update(site_name="Plain Health")
    assert render("{{ site_name }}", rf.get("/")) == "Plain Health"


@override_settings(WAGTAIL_SITE_NAME="Setting Health")
def test_a_site_without_a_name_uses_the_setting(rf, home):
    Site.objects.update(site_name="")
    assert render("{{ site_name }}", rf.get("/")) == "Setting Health"
    assert site_name_for(None) == "Setting Health"


def test_templates_that_never_show_the_name_cost_no_query(
    rf, home, django_assert_num_queries
):
    request = rf.get("/")
    with django_assert_num_queries(0):
        assert render("Nothing here", request) == "Nothing here"
    with django_assert_num_queries(1):
        render("{{ site_name }} {{ site_name }}", request)
