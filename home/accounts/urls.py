"""Reader-facing addresses; the admin's two-factor views are added in wagtail_hooks."""

from django.urls import path

from .page_passwords import document_password, page_password

# Same addresses and names as Wagtail's, included before Wagtail's own so these match.
urlpatterns = [
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
