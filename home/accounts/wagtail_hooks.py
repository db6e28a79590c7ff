from django.urls import path, reverse

from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", views.setup, name="accounts_two_factor"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
        path("two-factor/remove/", views.remove, name="accounts_two_factor_remove"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_two_factor"),
        "label": "Two-factor sign-in",
        "help_text": "Ask for a code from an authenticator app after your password.",
    }
