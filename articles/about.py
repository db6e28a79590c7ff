"""What an article is about, for readers and search engines: its other names, and
schema.org's "about"."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

TREATMENT_TYPES = [
    ("Drug", "A medicine"),
    ("DrugClass", "A group of medicines"),
    ("MedicalTherapy", "A therapy or exercise programme"),
]


def split_names(text):
    """ "Valium, Diazemuls" → ["Valium", "Diazemuls"]."""
    return [name.strip() for name in (text or "").split(",") if name.strip()]


def other_names_field():
    return models.CharField(
        "also known as",
        max_length=255,
        blank=True,
        help_text="Brand names and other names readers search for, separated by "
        "commas, e.g. “Valium, Diazemuls”.",
    )


class AboutMixin(models.Model):
    """Other names for the treatment, and the treatment and condition a page names
    for search engines."""

    other_names = other_names_field()

    about_treatment = models.CharField(
        "treatment",
        max_length=120,
        blank=True,
        help_text="The medicine or therapy the article is about, e.g. Diazepam.",
    )
    about_treatment_type = models.CharField(
        "kind of treatment",
        max_length=20,
        blank=True,
        choices=TREATMENT_TYPES,
        default="Drug",
    )
    about_condition = models.CharField(
        "condition",
        max_length=120,
        blank=True,
        help_text="The health problem it treats, e.g. Low back pain.",
    )

    about_panel = MultiFieldPanel(
        [
            FieldPanel("about_treatment"),
            FieldPanel("about_treatment_type"),
            FieldPanel("about_condition"),
        ],
        heading="What this article is about",
        help_text="Tells search engines the treatment and condition. Leave blank "
        "if the article is about neither; its topics are used instead.",
    )

    class Meta:
        abstract = True

    @property
    def other_names_list(self):
        return split_names(self.other_names)
