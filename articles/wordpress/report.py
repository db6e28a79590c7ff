"""ImportReport: what an import created, updated, left alone and skipped, and why."""

from collections import Counter
from dataclasses import dataclass, field

from .cleaning import DROPPED_LABELS

KINDS = {
    "posts": "Posts (articles)",
    "pages": "Pages (standard pages)",
    "people": "Authors (people)",
    "topics": "Categories and tags (topics)",
    "images": "Images",
    "comments": "Comments",
    "redirects": "Old addresses (redirects)",
}
# Errors listed one by one; past this many only the number grows.
ERRORS_LISTED = 200


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason → how many


@dataclass
class ImportReport:
    dry_run: bool = False
    live: bool = False
    site: str = ""
    counts: dict = field(default_factory=lambda: {k: KindCounts() for k in KINDS})
    dropped: Counter = field(default_factory=Counter)  # cleaning.DROPPED_LABELS keys
    deepened: int = 0  # replies moved up to the deepest level the site allows
    live_awaiting_review: int = 0  # articles published before their medical review
    not_published: Counter = field(default_factory=Counter)  # reason → how many
    errors: list = field(default_factory=list)  # {"id", "title", "message"}
    error_count: int = 0

    def created(self, kind, n=1):
        self.counts[kind].created += n

    def updated(self, kind, n=1):
        self.counts[kind].updated += n

    def unchanged(self, kind, n=1):
        self.counts[kind].unchanged += n

    def skipped(self, kind, reason, n=1):
        self.counts[kind].skipped[reason] += n

    def error(self, item, message):
        self.error_count += 1
        if len(self.errors) < ERRORS_LISTED:
            self.errors.append({"id": item.id, "title": item.title, "message": message})

    def merge(self, other):
        """Add the counts of `other` (one post's, once it is safely stored)."""
        for kind, counts in other.counts.items():
            mine = self.counts[kind]
            mine.created += counts.created
            mine.updated += counts.updated
            mine.unchanged += counts.unchanged
            mine.skipped.update(counts.skipped)
        self.dropped.update(other.dropped)
        self.deepened += other.deepened
        self.live_awaiting_review += other.live_awaiting_review
        self.not_published.update(other.not_published)

    def as_dict(self):
        """The report as JSON-ready data, for the admin to store and show."""
        return {
            "dry_run": self.dry_run,
            "live": self.live,
            "site": self.site,
            "kinds": [
                {
                    "kind": kind,
                    "label": label,
                    "created": self.counts[kind].created,
                    "updated": self.counts[kind].updated,
                    "unchanged": self.counts[kind].unchanged,
                    "skipped": [
                        {"reason": reason, "count": count}
                        for reason, count in self.counts[kind].skipped.most_common()
                    ],
                }
                for kind, label in KINDS.items()
            ],
            "dropped": [
                {"what": label, "count": self.dropped[key]}
                for key, label in DROPPED_LABELS.items()
                if self.dropped[key]
            ],
            "deepened_threads": self.deepened,
            "live_awaiting_review": self.live_awaiting_review,
            "not_published": [
                {"reason": reason, "count": count}
                for reason, count in self.not_published.most_common()
            ],
            "errors": self.errors,
            "error_count": self.error_count,
        }

    def as_text(self):
        """The report for a terminal: one line per count that is not zero."""
        data = self.as_dict()
        heading = "Dry run: nothing was saved." if self.dry_run else "Import finished."
        lines = [f"{heading} WordPress site: {self.site or 'unnamed'}", ""]
        for kind in data["kinds"]:
            numbers = ", ".join(
                f"{kind[outcome]:,} {outcome}"
                for outcome in ("created", "updated", "unchanged")
                if kind[outcome]
            )
            skipped = sum(s["count"] for s in kind["skipped"])
            if skipped:
                numbers = ", ".join(filter(None, [numbers, f"{skipped:,} skipped"]))
            lines.append(f"{kind['label']}: {numbers or 'none'}")
            lines += [
                f"    skipped {s['count']:,}: {s['reason']}" for s in kind["skipped"]
            ]
        if data["dropped"]:
            lines += ["", "Removed from the posts' HTML:"]
            lines += [f"    {d['count']:,} {d['what']}" for d in data["dropped"]]
        if self.deepened:
            lines += [
                "",
                f"Replies nested deeper than the site allows, attached to their deepest "
                f"allowed ancestor: {self.deepened:,}",
            ]
        if self.live:
            went = "would go" if self.dry_run else "went"
            lines += [
                "",
                f"Articles that {went} live, awaiting medical review: "
                f"{self.live_awaiting_review:,}",
            ]
        if data["not_published"]:
            lines += ["", "Kept as drafts instead of going live:"]
            lines += [
                f"    {n['count']:,}: {n['reason']}" for n in data["not_published"]
            ]
        if self.error_count:
            lines += ["", f"Posts that failed and were left out: {self.error_count:,}"]
            lines += [
                f"    {e['id']} “{e['title']}”: {e['message']}" for e in self.errors
            ]
            if self.error_count > len(self.errors):
                lines.append(f"    … and {self.error_count - len(self.errors):,} more")
        return "\n".join(lines)
