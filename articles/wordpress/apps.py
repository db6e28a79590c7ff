from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "articles.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Old ?p=ID addresses, which Wagtail's redirects cannot reach.
        from . import old_addresses  # noqa: F401
