"""Citation keys: how evidence items, warnings and alternatives point at references."""

import re

from django.core.exceptions import ValidationError

from wagtail import blocks

CITATION_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def parse_keys(raw):
    """Split 'friedman2017, cashin2021' into ['friedman2017', 'cashin2021']."""
    return [key.strip().lower() for key in (raw or "").split(",") if key.strip()]


class CitationKeysBlock(blocks.CharBlock):
    """Comma-separated reference keys, checked for form here and for existence on the page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Cites")
        kwargs.setdefault(
            "help_text",
            "Keys of the references this rests on, separated by commas, "
            "e.g. friedman2017, cashin2021. Each key must match a reference below the body.",
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        bad = [key for key in parse_keys(value) if not CITATION_KEY.match(key)]
        if bad:
            raise ValidationError(
                "Reference keys use lower-case letters, digits and hyphens only: "
                + ", ".join(bad)
            )
        return ", ".join(parse_keys(value))
