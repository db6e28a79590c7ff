"""Reader views outside the page tree: people's profiles."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .people import Person


def person(request, slug):
    person = get_object_or_404(Person, slug=slug)
    return TemplateResponse(request, "articles/person.html", {"person": person})
