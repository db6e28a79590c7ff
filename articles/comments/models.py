"""What editors manage about comments: blocked terms and site-wide comment settings."""

from django.db import models

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
