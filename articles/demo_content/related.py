"""Editors' "Related articles" picks for the demo articles, by slug, in order."""

from articles.builders import publish_reviewed
from articles.models import RelatedArticle

RELATED = {
    # Someone reading about a medicine is shown the non-drug option first.
    "diazepam-for-back-pain": [
        "exercise-therapy-for-back-pain",
        "nsaids-for-back-pain",
    ],
    "nsaids-for-back-pain": ["exercise-therapy-for-back-pain"],
}


def pick_related(articles):
    """Set each article's picks; unchanged picks leave the article alone."""
    for slug, picks in RELATED.items():
        page = articles[slug]
        wanted = [articles[p] for p in picks]
        current = [link.article_id for link in page.related_links.all()]
        if current == [p.pk for p in wanted]:
            continue
        page.related_links.set(
            [RelatedArticle(article=p, sort_order=n) for n, p in enumerate(wanted)]
        )
        # Re-publishing the picks keeps the date of the review the article had.
        publish_reviewed(page, page.save_revision(), reviewed_on=page.last_reviewed_at)
