"""The follow-up's roles: "Nätverksrepresentanter" report for their own actor; approvers coordinate.

A network representative may change follow-up reports (cms.admin_guards narrows that to their own
actor's report in an open round) and submit them to the review workflow; they publish nothing.
Approvers (Socialkontoret coordinates the follow-up) manage rounds, reports and meetings and
publish them; communicators draft meeting minutes; translators translate. Reports, minutes and
rounds go through "Granskning" like contacts and actors.
"""

from django.db import migrations

REPRESENTATIVES, COMMUNICATORS, APPROVERS, TRANSLATORS = (
    "Nätverksrepresentanter",
    "Kommunikatörer",
    "Granskare",
    "Översättare",
)
MODELS = ["followupround", "actorreport", "networkmeeting"]
GRANTS = {
    REPRESENTATIVES: {"actorreport": ["change"]},
    COMMUNICATORS: {"networkmeeting": ["add", "change", "lock"]},
    APPROVERS: {model: ["add", "change", "publish", "lock", "unlock", "delete"] for model in MODELS},
    TRANSLATORS: {model: ["add", "change"] for model in MODELS},
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
    )[0]


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    ContentType = apps.get_model("contenttypes", "ContentType")
    representatives, _ = Group.objects.get_or_create(name=REPRESENTATIVES)
    representatives.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    for name, models in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for model, actions in models.items():
            group.permissions.add(*(permission(apps, "followup", model, f"{action}_{model}") for action in actions))
    workflow = Workflow.objects.filter(name="Granskning").first()
    if workflow is not None:
        for model in MODELS:
            content_type, _ = ContentType.objects.get_or_create(app_label="followup", model=model)
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    Group.objects.filter(name=REPRESENTATIVES).delete()
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="followup"))
    WorkflowContentType.objects.filter(content_type__app_label="followup").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0009_editors_change_contact_details"),
        ("followup", "0001_follow_up"),
    ]

    operations = [migrations.RunPython(create, remove)]
