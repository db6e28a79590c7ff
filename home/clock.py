"""The date the site believes it is: review notices and the page cache agree on it."""

from django.utils import timezone


def today():
    return timezone.localdate()
