"""The editor's view of an article's medical reviews, on its Medical review tab."""

from wagtail.admin.panels import Panel


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
            context["page"] = page
            context["reviews"] = (
                page.reviews.select_related("reviewer", "user")[:10] if saved else []
            )
            return context
