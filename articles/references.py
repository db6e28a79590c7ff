"""ArticleReference: one entry in an article's numbered reference list."""

from dataclasses import dataclass
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from .blocks.citations import CITATION_KEY

validate_key = RegexValidator(
    CITATION_KEY, "Use lower-case letters, digits and hyphens, e.g. friedman2017."
)
# A DOI pasted as a doi.org link is accepted; clean() keeps the bare DOI.
validate_doi = RegexValidator(
    r"^(https://doi\.org/)?10\.\d{4,9}/\S+$",
    "A DOI starts with 10. and a slash, e.g. 10.1136/bmj.n1446.",
)
validate_pmid = RegexValidator(r"^\d{1,9}$", "A PMID is digits only, e.g. 12804507.")
DOI_RESOLVER = "https://doi.org/"


@dataclass(frozen=True)
class ReferenceLink:
    """A way to read a reference, named for readers ("PubMed"), never a raw address."""

    label: str
    url: str
    kind: str


class ArticleReference(Orderable):
    page = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="references"
    )
    key = models.CharField(
        max_length=40,
        validators=[validate_key],
        help_text="A short key that sections cite, e.g. friedman2017.",
    )
    authors = models.CharField(
        max_length=255,
        blank=True,
        help_text="e.g. Friedman BW, Irizarry E, Solorzano C, et al.",
    )
    title = models.CharField(max_length=400)
    publisher = models.CharField(
        "journal or publisher",
        max_length=255,
        help_text="e.g. Annals of Emergency Medicine.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    details = models.CharField(
        max_length=120,
        blank=True,
        help_text="Volume, issue and pages, e.g. 70(2):169-176.",
    )
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[validate_doi])
    pmid = models.CharField(
        "PMID", max_length=12, blank=True, validators=[validate_pmid]
    )
    url = models.URLField("URL", blank=True, help_text="Where a reader can read it.")

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("year")]),
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("details")]),
        MultiFieldPanel(
            [FieldPanel("doi"), FieldPanel("pmid"), FieldPanel("url")],
            heading="Where to find it",
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="unique_reference_key")
        ]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def clean(self):
        super().clean()
        self.key = (self.key or "").strip().lower()
        self.doi = (self.doi or "").strip().removeprefix(DOI_RESOLVER)
        if not (self.doi or self.pmid or self.url):
            raise ValidationError("Give a DOI, a PMID or a URL so readers can find it.")

    @property
    def doi_url(self):
        doi = (self.doi or "").strip().removeprefix(DOI_RESOLVER)
        # A DOI may hold characters a URL cannot ("<", "#", "?"); doi.org decodes them.
        return f"{DOI_RESOLVER}{quote(doi, safe='/:;()')}" if doi else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def links(self):
        """Where a reader can read it: DOI, then PubMed, then the full text.

        An address that only repeats the DOI or PubMed link is left out.
        """
        links = []
        if self.doi_url:
            links.append(ReferenceLink("DOI", self.doi_url, "doi"))
        if self.pubmed_url:
            links.append(ReferenceLink("PubMed", self.pubmed_url, "pubmed"))
        if self.url and self.url not in (self.doi_url, self.pubmed_url):
            links.append(ReferenceLink("Full text", self.url, "full-text"))
        return links
