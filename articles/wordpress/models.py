"""What an import made from each WordPress record, so running it again updates, not duplicates."""

from django.db import models

from .job_models import ImportJob  # noqa: F401  (the admin's import jobs)


class ImportedObject(models.Model):
    """One WordPress record (a post, comment, author, term or image) and what it became."""

    class Kind(models.TextChoices):
        POST = "post", "Post (article)"
        PAGE = "page", "Page (standard page)"
        COMMENT = "comment", "Comment"
        AUTHOR = "author", "Author, by login"
        AUTHOR_EMAIL = "author_email", "Author, by email address"
        TERM = "term", "Category or tag (topic)"
        IMAGE = "image", "Image"

    # The WordPress site's address, without its scheme: IDs are only unique within it.
    source = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The post or comment ID, the author's login or email, "category:slug", or the
    # image's path under wp-content/uploads.
    source_id = models.CharField(max_length=255)
    object_id = models.PositiveBigIntegerField()
    # A digest of the record as last imported: an unchanged record is left alone.
    fingerprint = models.CharField(max_length=64, blank=True)
    # For pages, the revision the import wrote: a later one means an editor changed it.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="unique_imported_record"
            )
        ]

    def __str__(self):
        return f"WordPress {self.kind} {self.source_id} from {self.source}"
