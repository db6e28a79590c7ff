"""The editor's view of an article's medical reviews, on its Medical review tab."""

from wagtail.admin.panels import Panel

SHOWN_REVIEWS = 10


class ReviewRecordPanel(Panel):
    """Read-only: the reviews recorded for this article, newest first."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Review record")
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "articles/admin/review_record_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            saved = page is not None and page.pk is not None
            reviews = (
                list(page.reviews.select_related("reviewer", "user")[:SHOWN_REVIEWS])
                if saved
                else []
            )
            if saved and page.last_review_id:
                # The page's own record of its last review (page.review) is among
                # these; the panel and the page status then need no query of their own.
                for review in reviews:
                    if review.pk == page.last_review_id:
                        page.__dict__.setdefault("review", review)
            context["page"] = page
            context["reviews"] = reviews
            return context
