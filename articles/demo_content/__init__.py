"""Demonstration content: three articles written from published sources, not medical advice."""

from .articles import ARTICLES, FEATURED
from .site import HOME, INDEX, TOPICS

__all__ = ["ARTICLES", "FEATURED", "HOME", "INDEX", "TOPICS"]
