from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "home.accounts"
    label = "accounts"
    verbose_name = "Signing in"

    def ready(self):
        from . import two_factor  # noqa: F401 - connects the sign-in receiver
