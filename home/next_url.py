"""Where to send someone back to: only a path on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request, url, default):
    """`url` if it is a path on this site, else `default`.

    A bare word such as "-1" or "home" is refused too: redirect() would take it for a
    URL name and fail.
    """
    if (
        url
        and url.startswith("/")
        and url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return url
    return default
