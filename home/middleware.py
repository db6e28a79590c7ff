"""The site's 400 page for requests Django cannot decode, before anything reads them.

Wired in three places: CharsetGuard wraps the WSGI application (settings/wsgi.py),
RejectUndecodableMiddleware runs early in MIDDLEWARE, and handler400 is bad_request.
"""

import codecs

from django.shortcuts import render
from django.utils.http import parse_header_parameters

FORM = "application/x-www-form-urlencoded"
# Set by CharsetGuard on a request whose declared charset it took off.
UNDECODABLE = "healthinfo.undecodable_charset"
# Decoding this must work in any charset Django is asked to decode with.
PROBE = b"q=caf%C3%A9+%FF&a=1"


def bad_request(request, exception=None):
    """The site's 400 page (handler400). Unlike Django's, it never reads the request body.

    Django's own handler checks the CSRF token first, which reads the body again and,
    for a body it could not decode, turns the 400 into a bare 500.
    """
    return render(request, "400.html", status=400)


def is_known(charset):
    try:
        codecs.lookup(charset)
    except (LookupError, ValueError):
        return False
    return True


def is_text_codec(charset):
    try:
        PROBE.decode(charset, "replace")
    except (LookupError, UnicodeError, ValueError):
        # Unknown ("nonsense"), or not text ("rot13", "zlib", "undefined").
        return False
    return True


def is_utf8(charset):
    return is_known(charset) and codecs.lookup(charset).name == "utf-8"


class CharsetGuard:
    """WSGI wrapper: takes a charset that is not text ("rot13") off the request.

    Django decodes the query string with the declared charset while it builds the
    request, before any middleware, and fails on such a charset (a bare 500). The
    request goes on without it, marked, and RejectUndecodableMiddleware answers 400.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        content_type, params = parse_header_parameters(environ.get("CONTENT_TYPE", ""))
        charset = params.get("charset")
        # Unknown names are safe: Django ignores them.
        if charset and is_known(charset) and not is_text_codec(charset):
            environ = {**environ, "CONTENT_TYPE": content_type, UNDECODABLE: True}
        return self.application(environ, start_response)


class RejectUndecodableMiddleware:
    """Answers 400 to a request whose charset Django would fail on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(UNDECODABLE):
            return bad_request(request)
        content_type, params = parse_header_parameters(
            request.META.get("CONTENT_TYPE", "")
        )
        charset = params.get("charset")
        if charset is not None and content_type == FORM and request.method == "POST":
            # A form body is UTF-8 by definition (the HTML standard) and Django 5.2
            # refuses any other charset, latin-1 included: those get the site's 400
            # rather than being decoded some other way. "utf8" and "UTF_8" mean UTF-8,
            # which Django would refuse too unless spelt "utf-8".
            if not is_utf8(charset):
                return bad_request(request)
            request.encoding = "utf-8"
        return self.get_response(request)
