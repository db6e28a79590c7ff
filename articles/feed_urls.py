"""RSS and Atom feeds of the latest articles, for the whole site and per topic."""

from django.urls import path

from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed, TopicAtomFeed, TopicFeed

urlpatterns = [
    path("rss/", LatestArticlesFeed(), name="feed-rss"),
    path("atom/", LatestArticlesAtomFeed(), name="feed-atom"),
    path("topics/<slug:slug>/rss/", TopicFeed(), name="topic-feed-rss"),
    path("topics/<slug:slug>/atom/", TopicAtomFeed(), name="topic-feed-atom"),
]
