"""Editors' promoted results for a query (Wagtail's search promotions)."""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page


@dataclass
class Promotion:
    title: str
    url: str
    description: str


def promotions_for(request, query):
    """Editors' promotions for this query, recording it for the popular-searches report."""
    recorded = Query.get(query)
    recorded.add_hit()
    picks = list(recorded.editors_picks.select_related("page").order_by("sort_order"))
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
