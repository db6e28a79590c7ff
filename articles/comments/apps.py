from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Reader comments on articles: django-comments-xtd plus moderation and its admin."""

    name = "articles.comments"
    label = "article_comments"
    verbose_name = "Comments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Moderation rules for new comments, and clean-up when an article goes.
        from . import moderation, signals  # noqa: F401
