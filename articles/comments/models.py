"""Blocked terms and comment settings (editors), and comments awaiting email confirmation."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index


class BlockedTerm(index.Indexed, models.Model):
    """A word, phrase or web domain that holds or rejects a comment containing it."""

    class Kind(models.TextChoices):
        PHRASE = "phrase", "Word or phrase"
        DOMAIN = "domain", "Web domain"

    class Action(models.TextChoices):
        HOLD = "hold", "Hold for a moderator"
        REJECT = "reject", "Reject outright"

    term = models.CharField(
        max_length=200,
        unique=True,
        help_text="Matched without regard to case, e.g. “buy without prescription” or "
        "“cheap-pills.example”. A domain also matches its subdomains.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHRASE)
    action = models.CharField(
        max_length=10, choices=Action.choices, default=Action.HOLD
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why it is blocked.")

    panels = [
        FieldPanel("term"),
        FieldPanel("kind"),
        FieldPanel("action"),
        FieldPanel("note"),
    ]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = self.term.strip().lower()
        super().save(*args, **kwargs)


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    close_after_days = models.PositiveIntegerField(
        default=90,
        help_text="Comments on an article close this many days after it was first "
        "published. 0 keeps them open until an editor closes them.",
    )

    panels = [FieldPanel("close_after_days")]

    class Meta:
        verbose_name = "comment settings"


def new_key():
    return secrets.token_urlsafe(32)


class PendingComment(models.Model):
    """An anonymous reader's comment, stored as posted until they confirm by email.

    The confirmation email links to `key`. Confirming publishes (or holds) it once:
    the first click claims the row (confirmed_at), later clicks read the outcome.
    """

    class Outcome(models.TextChoices):
        PUBLISHED = "published", "Published"
        HELD = "held", "Held for a moderator"
        DISCARDED = "discarded", "Discarded"

    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_pk = models.CharField(max_length=64, db_index=True)
    content_object = GenericForeignKey("content_type", "object_pk")
    site = models.ForeignKey(Site, on_delete=models.CASCADE)
    parent_id = models.IntegerField(default=0)
    user_name = models.CharField(max_length=50)
    user_email = models.EmailField(max_length=254)
    user_url = models.URLField(blank=True)
    comment = models.TextField()
    followup = models.BooleanField(default=False)
    ip_address = models.GenericIPAddressField(unpack_ipv4=True, blank=True, null=True)
    submit_date = models.DateTimeField(default=timezone.now, db_index=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    discard_reason = models.CharField(max_length=255, blank=True)
    # Unique: one pending comment becomes at most one published comment.
    published = models.OneToOneField(
        "django_comments_xtd.XtdComment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmation",
    )

    # Read by the moderation rules, which also judge signed-in readers' comments.
    user = None

    class Meta:
        ordering = ["submit_date"]

    def __str__(self):
        return f"{self.user_name}: {self.comment[:40]}"

    @property
    def expires_at(self):
        return self.submit_date + timedelta(days=settings.COMMENTS_CONFIRMATION_DAYS)

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at
