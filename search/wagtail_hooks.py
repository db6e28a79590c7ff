"""Admin additions for search: the counts staff see include searches not yet flushed."""

from django.urls import path

from wagtail import hooks
from wagtail.contrib.search_promotions.views import IndexView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

from .hits import flushed_first


# Before Wagtail's own addresses for these views, so these answer instead.
@hooks.register("register_admin_urls", order=-1)
def promotions_and_search_terms_counted_up_to_now():
    views = {
        "": IndexView.as_view(),
        "results/": IndexView.as_view(results_only=True),
        "reports/search-terms/": SearchTermsReportView.as_view(),
        "reports/search-terms/results/": SearchTermsReportView.as_view(
            results_only=True
        ),
    }
    return [
        path(f"searchpicks/{address}", flushed_first(view))
        for address, view in views.items()
    ]
