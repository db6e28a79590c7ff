"""The "Medical reviewers" group and the two-step "Medical review" workflow.

Page permissions and the workflow's assignment to the articles section need pages,
which do not exist when migrations run: the demo content and the tests add them.
"""

from django.db import migrations

WORKFLOW = "Medical review"
REVIEWERS = "Medical reviewers"
# (task name, the group that approves it), in workflow order. Moderators are the
# editors' seniors in Wagtail's initial groups, so they do the editorial check.
TASKS = (("Editorial review", "Moderators"), ("Medical review", REVIEWERS))
# (app label, model, codename, name) per group. Reviewers see the admin and look
# people up; editors keep the people list and close readers' problem reports, which
# only readers create.
PERMISSIONS = {
    REVIEWERS: (
        ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        ("articles", "person", "view_person", "Can view person"),
    ),
    "Editors": (
        ("articles", "person", "add_person", "Can add person"),
        ("articles", "person", "change_person", "Can change person"),
        ("articles", "person", "view_person", "Can view person"),
        ("articles", "problemreport", "change_problemreport", "Can change problem report"),
        ("articles", "problemreport", "view_problemreport", "Can view problem report"),
    ),
    "Moderators": (
        ("articles", "person", "add_person", "Can add person"),
        ("articles", "person", "change_person", "Can change person"),
        ("articles", "person", "view_person", "Can view person"),
        ("articles", "problemreport", "change_problemreport", "Can change problem report"),
        ("articles", "problemreport", "view_problemreport", "Can view problem report"),
        ("articles", "problemreport", "delete_problemreport", "Can delete problem report"),
    ),
}


def permissions(apps, group_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, codename, name in PERMISSIONS[group_name]:
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        yield Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for group_name in PERMISSIONS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*permissions(apps, group_name))

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    for order, (task_name, group_name) in enumerate(TASKS):
        group, _ = Group.objects.get_or_create(name=group_name)
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=task_name, defaults={"content_type": task_type, "active": True}
        )
        task.groups.set([group])
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")

    Workflow.objects.filter(name=WORKFLOW).delete()
    names = [name for name, _ in TASKS]
    task_ids = list(
        GroupApprovalTask.objects.filter(name__in=names).values_list("pk", flat=True)
    )
    Task.objects.filter(pk__in=task_ids).delete()
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.remove(*permissions(apps, group.name))
    Group.objects.filter(name=REVIEWERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_editorial_trust"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, remove)]
