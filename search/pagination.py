"""One page of search results, each with its topics, summary and a matching sentence."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

from articles.models import ArticlePage
from articles.text import body_paragraphs

from .highlight import highlight, snippet

RESULTS_PER_PAGE = 10


@dataclass
class Result:
    article: ArticlePage
    topics: list
    summary: SafeString
    snippet: SafeString


def page_of_results(ids, topics, terms, number):
    page = Paginator(ids, RESULTS_PER_PAGE).get_page(number)
    articles = ArticlePage.objects.in_bulk(list(page.object_list))
    page.object_list = [
        Result(
            article=article,
            topics=topics.get(article.pk, []),
            summary=highlight(article.summary, terms),
            snippet=snippet(body_paragraphs(article), terms),
        )
        for article in (articles.get(pk) for pk in page.object_list)
        if article is not None
    ]
    return page
