"""Moderators moderate comments; Moderators and Editors keep the blocklist."""

from django.db import migrations

BLOCKLIST_GROUPS = ("Editors", "Moderators")
BLOCKLIST_ACTIONS = ("add", "change", "delete")


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after migrations; make sure they exist now.
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )[0]


def blocklist_permissions(apps):
    return [
        permission(
            apps,
            "article_comments",
            "blockedterm",
            f"{action}_blockedterm",
            f"Can {action} blocked term",
        )
        for action in BLOCKLIST_ACTIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    can_moderate = permission(
        apps, "django_comments", "comment", "can_moderate", "Can moderate comments"
    )
    blocklist = blocklist_permissions(apps)
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.add(can_moderate)
    for group in Group.objects.filter(name__in=BLOCKLIST_GROUPS):
        group.permissions.add(*blocklist)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    can_moderate = Permission.objects.filter(
        content_type__app_label="django_comments", codename="can_moderate"
    )
    blocklist = Permission.objects.filter(
        content_type__app_label="article_comments",
        codename__in=[f"{action}_blockedterm" for action in BLOCKLIST_ACTIONS],
    )
    for group in Group.objects.filter(name="Moderators"):
        group.permissions.remove(*can_moderate)
    for group in Group.objects.filter(name__in=BLOCKLIST_GROUPS):
        group.permissions.remove(*blocklist)


class Migration(migrations.Migration):
    dependencies = [
        ("article_comments", "0001_initial"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
