from django.contrib.auth.models import Permission
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from ..publishing import IMPORTED_AWAITING_REVIEW_ACTION
from . import admin_views

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.job_detail, name="job"),
    path("<int:pk>/confirm/", admin_views.confirm, name="confirm"),
    path("<int:pk>/restart/", admin_views.restart, name="restart"),
    path("<int:pk>/discard/", admin_views.discard, name="discard"),
]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "import-wordpress/",
            include((urlpatterns, "wordpress_import"), namespace="wordpress_import"),
        )
    ]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Import from WordPress",
        reverse("wordpress_import:index"),
        name="import-from-wordpress",
        icon_name="upload",
        order=900,
    )


@hooks.register("register_permissions")
def register_import_permission():
    """Lets administrators give the import to a group (Settings › Groups)."""
    return Permission.objects.filter(
        content_type__app_label="wordpress", codename="import_wordpress"
    )


@hooks.register("register_log_actions")
def register_imported_awaiting_review_log_action(actions):
    @actions.register_action(IMPORTED_AWAITING_REVIEW_ACTION)
    class ImportedAwaitingReviewFormatter(LogFormatter):
        label = "Imported live, awaiting medical review"

        def format_message(self, log_entry):
            return (
                "Imported from WordPress and published before its medical review, "
                "by an administrator"
            )
