"""One page of search results, each with its topics, summary and a matching sentence."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils.safestring import SafeString

from articles.models import ArticlePage
from articles.text import body_paragraphs

from .highlight import highlight, snippet, terms_found

RESULTS_PER_PAGE = 10


@dataclass
class Result:
    article: ArticlePage
    topics: list
    summary: SafeString
    snippet: SafeString
    other_names: SafeString = ""  # shown only when the reader searched by one


def matched_names(article, terms):
    """The article's other names, highlighted, if the reader's words are among them."""
    names = ", ".join(article.other_names_list)
    return highlight(names, terms) if terms_found(names, terms) else ""


def page_of_results(ids, topics, terms, number):
    page = Paginator(ids, RESULTS_PER_PAGE).get_page(number)
    articles = ArticlePage.objects.in_bulk(list(page.object_list))
    page.object_list = [
        Result(
            article=article,
            topics=topics.get(article.pk, []),
            summary=highlight(article.summary, terms),
            snippet=snippet(body_paragraphs(article), terms),
            other_names=matched_names(article, terms),
        )
        for article in (articles.get(pk) for pk in page.object_list)
        if article is not None
    ]
    return page
