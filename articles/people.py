"""Person: the authors and medical reviewers named on articles."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    name = models.CharField(max_length=120, help_text="e.g. Dr Alex Morgan.")
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text="Used in the profile's address, e.g. alex-morgan.",
    )
    role = models.CharField(
        max_length=120, help_text="e.g. General practitioner; Health writer."
    )
    credentials = models.CharField(
        max_length=120, blank=True, help_text="Qualifications, e.g. MB ChB, FRCGP."
    )
    biography = models.TextField(
        blank=True,
        help_text="Three or four sentences: experience, and what they write or review.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(
        "photo alt text", max_length=250, blank=True, help_text="Required with a photo."
    )
    is_medical_reviewer = models.BooleanField(
        "medical reviewer",
        default=False,
        help_text="A registered clinician who may be named as an article's medical reviewer.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text="Their admin account, so approvals in the workflow are recorded against them.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("role"), FieldPanel("credentials")]),
        FieldPanel("biography"),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"
        ),
        FieldPanel("is_medical_reviewer"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("role"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def get_absolute_url(self):
        return reverse("person", args=[self.slug])

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for people who cannot see it."}
            )
