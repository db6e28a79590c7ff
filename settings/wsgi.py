import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

from home.middleware import CharsetGuard  # noqa: E402  (needs the settings module set)

# A request whose declared charset Django cannot build gets the site's 400, not a bare 500.
application = CharsetGuard(get_wsgi_application())
