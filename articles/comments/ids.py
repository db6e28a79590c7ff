"""The one parser for ids in comment addresses, forms and admin queries."""

import re

from django.urls import register_converter

# ASCII digits only: str.isdigit() and int() also accept "²" or "٣", which the
# database and Django's lookups do not.
DIGITS = re.compile(r"[0-9]{1,10}")
# Comment and page ids are 32-bit integers on every database the site runs on.
MAX_ID = 2**31 - 1


def parse_id(value):
    """`value` as a positive id, or None if it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value <= MAX_ID else None
    if not isinstance(value, str) or not DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """A path converter for ids: anything else is no match, so a 404."""

    regex = "[0-9]{1,10}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)


# Named for the comment addresses, and used by the admin's comment views too.
register_converter(IdConverter, "comment_id")
