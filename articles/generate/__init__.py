"""A large generated site for load tests: see site.py, and `manage.py generate_site`."""

from .site import GenerateError, Report, SiteGenerator, Sizes

__all__ = ["GenerateError", "Report", "SiteGenerator", "Sizes"]
