"""Editors' promoted results for a query (Wagtail's search promotions)."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .hits import count_search


@dataclass
class Promotion:
    title: str
    url: str
    description: str


def promotions_for(request, query):
    """Editors' promotions for this query, counting it for the popular-searches report.

    Reads only: the count waits in the cache for `manage.py flush_search_hits`.
    """
    count_search(query)
    picks = list(
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query)
        )
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [p.page_id for p in picks if p.page_id]
    visible = (
        set(
            Page.objects.live()
            .public()
            .filter(pk__in=page_ids)
            .values_list("pk", flat=True)
        )
        if page_ids
        else set()
    )
    promotions = []
    for pick in picks:
        if pick.page_id:
            if pick.page_id in visible:
                url = pick.page.get_url(request=request)
                promotions.append(Promotion(pick.page.title, url, pick.description))
        elif pick.external_link_url:
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return promotions
