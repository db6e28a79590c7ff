"""WordPress's numeric addresses (/?p=123, /?page_id=45) lead to the imported page.

Wagtail's redirects act only on a 404, and "/?p=123" is the home page, so these are
looked up before the page is served. Only requests carrying one of these parameters
pay for the lookup.
"""

from django.http import HttpResponsePermanentRedirect

from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

WORDPRESS_ID_PARAMETERS = ("p", "page_id")


@hooks.register("before_serve_page")
def redirect_wordpress_ids(page, request, serve_args, serve_kwargs):
    for key in WORDPRESS_ID_PARAMETERS:
        value = request.GET.get(key, "")
        if not value.isdigit():
            continue
        old_path = Redirect.normalise_path(f"{request.path}?{key}={int(value)}")
        redirect = (
            Redirect.get_for_site(Site.find_for_request(request))
            .filter(old_path=old_path)
            .select_related("redirect_page")
            .first()
        )
        if redirect is not None and redirect.link:
            return HttpResponsePermanentRedirect(redirect.link)
    return None
