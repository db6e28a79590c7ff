"""WordPress authors become People, matched by login or email, never twice."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify

from ..people import Person
from .ledger import Kind

ROLE = "Author"


class Authors:
    """Finds or makes the Person for each author login, once per import."""

    def __init__(self, export, ledger):
        self.export, self.ledger = export, ledger
        self.people = {}  # login → Person

    def forget(self):
        """After a post failed: what it made was rolled back."""
        self.people.clear()

    def person_for(self, login, report):
        if not login:
            return None
        if login not in self.people:
            self.people[login] = self.find_or_create(login, report)
        return self.people[login]

    def find_or_create(self, login, report):
        author = self.export.authors.get(login)
        email = (author.email if author else "").lower()
        person = self.recorded(self.ledger.get(Kind.AUTHOR, login)) or (
            email
            and self.recorded(self.ledger.get_from_any_site(Kind.AUTHOR_EMAIL, email))
        )
        if person is None:
            person = self.linked_account(login, email)
            if person is not None:
                report.unchanged("people")
        else:
            report.unchanged("people")
        if person is None:
            name = (author.name if author else login)[:120]
            person = Person.objects.create(
                name=name, slug=free_slug(name or login), role=ROLE
            )
            report.created("people")
        self.ledger.record(Kind.AUTHOR, login, person)
        if email:
            self.ledger.record(Kind.AUTHOR_EMAIL, email, person)
        return person

    @staticmethod
    def recorded(row):
        return Person.objects.filter(pk=row.object_id).first() if row else None

    @staticmethod
    def linked_account(login, email):
        """A Person already on the site whose admin account has this login or email."""
        accounts = Q(username=login)
        if email:
            accounts |= Q(email__iexact=email)
        users = get_user_model().objects.filter(accounts)
        return Person.objects.filter(user__in=users).order_by("pk").first()


def free_slug(name, model=Person, max_length=120):
    base = slugify(name)[: max_length - 8] or "author"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
