"""Deployment switches read from the environment: media storage, search, replicas, front cache."""


def configure(settings):
    """Adjusts the settings module's namespace for the services the environment names."""
