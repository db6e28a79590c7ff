"""Wagtail's password forms (private pages and document collections), limited to a
few wrong passwords per address and protected item."""

import math

from django_ratelimit.core import get_usage

from django.conf import settings
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.documents.views.serve import (
    authenticate_with_password as document_authenticate_with_password,
)
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.views import authenticate_with_password

TOO_MANY = (
    "Too many wrong passwords for this {item} from your connection. "
    "Wait {minutes} minute{s}, then try again."
)


class RefusedPasswordForm(PasswordViewRestrictionForm):
    """Wagtail's password form, unchecked, carrying the reason it was refused."""

    def __init__(self, *args, refusal, **kwargs):
        super().__init__(*args, **kwargs)
        self._errors = ErrorDict(
            {"__all__": self.error_class([refusal], error_class="nonfield")}
        )


def usage(request, group, increment=False):
    # "ip" honours RATELIMIT_IP_META_KEY behind a proxy.
    return get_usage(
        request,
        group=group,
        key="ip",
        rate=settings.PROTECTED_PAGE_RATE_LIMIT,
        method="POST",
        increment=increment,
    )


def is_limited(current):
    # None: limits off, or the cache failed and RATELIMIT_FAIL_OPEN lets it through.
    return current is not None and current["count"] >= current["limit"]


def refused_form(request, restriction, item, current):
    minutes = max(1, math.ceil(max(current["time_left"], 0) / 60))
    return RefusedPasswordForm(
        instance=restriction,
        initial={"return_url": request.POST.get("return_url", "")},
        refusal=TOO_MANY.format(
            item=item, minutes=minutes, s="" if minutes == 1 else "s"
        ),
    )


def too_many(response, current):
    response.status_code = 429
    if current["time_left"] > 0:
        response["Retry-After"] = str(current["time_left"])
    return response


def limit_wrong_passwords(view, group, refuse, request, *args):
    """Run Wagtail's password view unless this address has used up its wrong tries."""
    if request.method == "POST":
        current = usage(request, group)
        if is_limited(current):
            return too_many(refuse(current), current)
    response = view(request, *args)
    # Wagtail redirects on the right password and shows the form again on a wrong
    # one: only wrong ones count.
    if request.method == "POST" and response.status_code == 200:
        usage(request, group, increment=True)
    return response


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password view, limited per address and page."""

    def refuse(current):
        restriction = get_object_or_404(
            PageViewRestriction, id=page_view_restriction_id
        )
        page = get_object_or_404(Page, id=page_id).specific
        form = refused_form(request, restriction, "page", current)
        action_url = reverse(
            "wagtailcore_authenticate_with_password",
            args=[page_view_restriction_id, page_id],
        )
        return page.serve_password_required_response(request, form, action_url)

    return limit_wrong_passwords(
        authenticate_with_password,
        f"page-password:{page_id}",
        refuse,
        request,
        page_view_restriction_id,
        page_id,
    )


def document_password(request, restriction_id):
    """Wagtail's private-collection password view, limited per address and collection."""

    def refuse(current):
        restriction = get_object_or_404(CollectionViewRestriction, id=restriction_id)
        form = refused_form(request, restriction, "collection", current)
        action_url = reverse(
            "wagtaildocs_authenticate_with_password", args=[restriction_id]
        )
        template = getattr(
            settings,
            "WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE",
            "wagtaildocs/password_required.html",
        )
        return TemplateResponse(
            request, template, {"form": form, "action_url": action_url}
        )

    return limit_wrong_passwords(
        document_authenticate_with_password,
        f"collection-password:{restriction_id}",
        refuse,
        request,
        restriction_id,
    )
