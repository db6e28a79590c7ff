"""Test clients that send what a browser sends with a form: the Origin of its page."""

from django.test import Client

SAME_ORIGIN = {"Origin": "http://testserver"}


def browser_client(**kwargs):
    return Client(headers=SAME_ORIGIN, **kwargs)
