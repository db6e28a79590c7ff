"""What an article is about, for search engines (schema.org's "about")."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

TREATMENT_TYPES = [
    ("Drug", "A medicine"),
    ("DrugClass", "A group of medicines"),
    ("MedicalTherapy", "A therapy or exercise programme"),
]


class AboutMixin(models.Model):
    """The treatment and condition a page names for search engines."""

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
