"""RSS and Atom feeds of the latest live, public articles, for the site and per topic."""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.context_processors import site_name_for
from home.seo import absolute_url

from .models import ArticleIndexPage, ArticlePage, Topic

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request, and the item methods get no request:
        # a copy per request carries it.
        feed = copy.copy(self)
        feed.request = request
        return super(LatestArticlesFeed, feed).__call__(request, *args, **kwargs)

    def site_name(self):
        return site_name_for(self.request)

    def title(self, obj):
        return f"{self.site_name()}: latest articles"

    def description(self, obj):
        return f"The newest articles from {self.site_name()}, with their summaries."

    def subtitle(self, obj):
        # Atom's name for the description; RSS ignores it.
        return self.description(obj)

    def link(self, obj):
        return absolute_url(self.request, "/")

    def feed_url(self, obj):
        return absolute_url(self.request, self.request.path)

    def articles(self, obj):
        return ArticlePage.objects.live().public()

    def items(self, obj):
        return (
            self.articles(obj)
            .order_by("-first_published_at", "-pk")
            .prefetch_related("topics", "authors__person")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(self.request, item.get_full_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item):
        # Django's feeds name one author; a byline of several reads as one.
        return ", ".join(a.person.name for a in item.authors.all()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed


class TopicFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return f"{self.site_name()}: {obj.name}"

    def description(self, obj):
        return obj.description or f"The newest articles about {obj.name}."

    def link(self, obj):
        index = ArticleIndexPage.objects.live().public().first()
        return absolute_url(
            self.request, index.topic_url(obj, self.request) if index else "/"
        )

    def articles(self, obj):
        return super().articles(obj).filter(topics=obj)


class TopicAtomFeed(TopicFeed):
    feed_type = Atom1Feed
