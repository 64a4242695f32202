"""The roles that ship: groups with their permissions, and the review workflow "Granskning".

Permissions are created here if Django has not created them yet (on a fresh database
they only appear after all migrations), so the groups are complete from the start.
"""

from django.db import migrations

COMMUNICATORS, APPROVERS, TRANSLATORS = "Kommunikatörer", "Granskare", "Översättare"
SNIPPET_MODELS = ["actor", "concept", "contact", "goal", "indicatorcategory", "resource"]
REVIEWED_SNIPPETS = ["contact", "actor"]
PAGE_PERMISSIONS = {
    COMMUNICATORS: ["add_page", "change_page", "lock_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
SNIPPET_PERMISSIONS = {
    COMMUNICATORS: ["add", "change", "lock"],
    APPROVERS: ["add", "change", "publish", "lock", "unlock"],
    TRANSLATORS: ["add", "change"],
}


def create_roles(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ReviewTask = apps.get_model("cms", "ReviewTask")

    def permission(app_label, model, codename):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
        )[0]

    admin_access = permission("wagtailadmin", "admin", "access_admin")
    groups = {}
    for name in (COMMUNICATORS, APPROVERS, TRANSLATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for model in SNIPPET_MODELS:
            group.permissions.add(*(permission("snippets", model, f"{action}_{model}") for action in SNIPPET_PERMISSIONS[name]))
        groups[name] = group

    root = Page.objects.get(depth=1)
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name], page=root, permission=permission("wagtailcore", "page", codename)
            )
    # Translators edit the translated trees only; later trees are granted as they are created (cms.signals).
    source = Locale.objects.order_by("pk").first()
    for translated_root in Page.objects.filter(depth=2).exclude(locale=source):
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=groups[TRANSLATORS], page=translated_root, permission=permission("wagtailcore", "page", codename)
            )

    # Wagtail's example groups would be a second, unreviewed way to publish; drop them while unused.
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()

    # A review task whose "request changes" must say what to change.
    task_type, _ = ContentType.objects.get_or_create(app_label="cms", model="reviewtask")
    task = ReviewTask.objects.filter(name="Granskare godkänner").first()
    if task is None:
        task = ReviewTask.objects.create(name="Granskare godkänner", content_type=task_type, active=True)
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name="Granskning", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in REVIEWED_SNIPPETS:
        content_type, _ = ContentType.objects.get_or_create(app_label="snippets", model=model)
        WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_review_task"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("snippets", "0002_translatable_inline_rows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
