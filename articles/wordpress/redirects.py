"""Old WordPress addresses (the permalink, and ?p=ID) redirect permanently to the new page."""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect

PATH_MAX = 255  # Redirect.old_path
HOME = "the old address is the site's home page"
SAME = "the old address is the new page's own"
TOO_LONG = f"the old address is longer than {PATH_MAX} characters"
TAKEN = "the old address already redirects elsewhere (left as it is)"


def old_paths(item, query_key):
    """The addresses WordPress served this post at, as paths on this site."""
    paths = []
    if item.link:
        try:
            parts = urlsplit(item.link)
        except ValueError:
            parts = None
        if parts is not None:
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    paths.append(f"/?{query_key}={item.id}")
    return list(dict.fromkeys(Redirect.normalise_path(p) for p in paths))


def redirect_old_addresses(page, item, site, report, query_key="p"):
    new_path = Redirect.normalise_path(page.get_url(current_site=site) or "")
    for old_path in old_paths(item, query_key):
        if old_path == "/":
            report.skipped("redirects", HOME)
        elif old_path == new_path:
            report.skipped("redirects", SAME)
        elif len(old_path) > PATH_MAX:
            report.skipped("redirects", TOO_LONG)
        else:
            add_redirect(old_path, page, site, report)


def add_redirect(old_path, page, site, report):
    existing = Redirect.objects.filter(site=site, old_path=old_path).first()
    if existing is None:
        Redirect.objects.create(
            old_path=old_path, site=site, redirect_page=page, is_permanent=True
        )
        report.created("redirects")
    elif existing.redirect_page_id == page.pk:
        report.unchanged("redirects")
    else:
        report.skipped("redirects", TAKEN)
