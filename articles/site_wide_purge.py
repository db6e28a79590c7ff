"""Changes shown on many pages purge the whole front cache.

A person's name is in every byline, a topic on every article and list that names it,
and site settings (urgent help wording, comment closing, the editorial policy) on
every page. Wagtail purges a page when it is published; these have no page of their
own to purge. (The application's own page cache drops everything on any change.)
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

from home import front_cache


def purge_everything(sender, **kwargs):
    front_cache.purge_all()


def shown_site_wide():
    from .people import Person
    from .topics import Topic

    settings_models = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    ]
    return [Person, Topic, *settings_models]


def connect():
    for model in shown_site_wide():
        for signal in (post_save, post_delete):
            signal.connect(
                purge_everything,
                sender=model,
                dispatch_uid=f"site_wide_purge_{model._meta.label}",
            )
