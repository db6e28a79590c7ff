"""django.contrib.sites' one Site: the domain comment emails and permalinks are built on.

Set SITE_DOMAIN (e.g. "health.example.org") and `manage.py migrate` writes it, with the
site's name, to the Site row. Without it the row is left alone; load_demo_content sets
it for local work.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.sites.management import create_default_site
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.dispatch import receiver


def set_site_domain(domain, name=None, using=DEFAULT_DB_ALIAS):
    """Point the Site that SITE_ID names at `domain`."""
    Site = global_apps.get_model("sites", "Site")
    # On an empty table, made as sites' own step makes it (sequence reset included).
    create_default_site(global_apps.get_app_config("sites"), verbosity=0, using=using)
    site, _ = Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={
            "domain": domain,
            "name": name or getattr(settings, "WAGTAIL_SITE_NAME", domain),
        },
    )
    Site.objects.clear_cache()
    return site


@receiver(post_migrate, dispatch_uid="article_comments.set_site_domain")
def apply_site_domain(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    domain = getattr(settings, "SITE_DOMAIN", "")
    if domain and sender.label == "sites":
        set_site_domain(domain, using=using)
