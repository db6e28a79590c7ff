"""The import's memory: which WordPress record became which object, and as what."""

import hashlib
import json

from .models import ImportedObject

Kind = ImportedObject.Kind
# Part of every fingerprint: a change to how records are imported imports them again.
FORMAT = "1"


def fingerprint(*parts):
    """A digest of a record's content, to tell an unchanged record from a changed one."""
    text = json.dumps([FORMAT, *parts], default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Ledger:
    """ImportedObject rows of one WordPress site."""

    def __init__(self, source):
        self.source = source
        self.rows = ImportedObject.objects.filter(source=source)

    def get(self, kind, source_id):
        return self.rows.filter(kind=kind, source_id=str(source_id)).first()

    def get_from_any_site(self, kind, source_id):
        """A record from any WordPress site: an email address is one person's anywhere."""
        return (
            ImportedObject.objects.filter(kind=kind, source_id=str(source_id))
            .order_by("pk")
            .first()
        )

    def many(self, kind, source_ids):
        """{source_id: row} for these ids."""
        ids = [str(i) for i in source_ids]
        return {
            row.source_id: row for row in self.rows.filter(kind=kind, source_id__in=ids)
        }

    def record(self, kind, source_id, obj, fingerprint="", revision=None):
        ImportedObject.objects.update_or_create(
            source=self.source,
            kind=kind,
            source_id=str(source_id)[:255],
            defaults={
                "object_id": obj.pk,
                "fingerprint": fingerprint,
                "revision_id": revision.pk if revision else None,
            },
        )

    def record_many(self, kind, entries):
        """Record (source_id, object_id, fingerprint) triples, replacing older rows.

        A row can outlive its object (an editor deleted the article and its comments
        went with it): the record then points at the new one.
        """
        ImportedObject.objects.bulk_create(
            [
                ImportedObject(
                    source=self.source,
                    kind=kind,
                    source_id=str(source_id),
                    object_id=object_id,
                    fingerprint=digest,
                )
                for source_id, object_id, digest in entries
            ],
            update_conflicts=True,
            unique_fields=["source", "kind", "source_id"],
            update_fields=["object_id", "fingerprint", "imported_at"],
        )
