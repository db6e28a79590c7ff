"""Pages of the comments listing that cost the same however many comments there are."""

from django.utils.functional import cached_property

from wagtail.admin.paginator import WagtailPaginator

# Pages a listing offers: counting or skipping further would read ever more comments.
# Older comments are one click away: sort by date the other way, search or filter.
MAX_PAGES = 100


class CappedPaginator(WagtailPaginator):
    """Counts no more than MAX_PAGES pages of comments, and says "more than" past them."""

    @cached_property
    def limit(self):
        return self.per_page * MAX_PAGES

    @cached_property
    def _counted(self):
        # COUNT over a LIMIT, so the database stops after limit + 1 rows; unsorted and
        # without the listing's annotations, which a count needs neither of.
        return self.object_list.order_by().values("pk")[: self.limit + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.limit)

    @cached_property
    def has_more(self):
        """Whether comments lie beyond the last page offered."""
        return self._counted > self.limit

    @cached_property
    def items_count_label(self):
        if self.has_more:
            return f"More than {self.limit:,} {self.verbose_name_plural}"
        return super().items_count_label
