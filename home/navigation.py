"""Links other apps add to the header and footer, through the "site_nav_links" hook.

A hook function takes the template context and the place ("header" or "footer") and
returns a list of NavLink.
"""

from dataclasses import dataclass

from wagtail import hooks

NAV_HOOK = "site_nav_links"


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str


def nav_links(context, place):
    return [
        link for fn in hooks.get_hooks(NAV_HOOK) for link in fn(context, place) or ()
    ]
