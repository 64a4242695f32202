"""Approvers may delete shared content (contacts, actors, concepts, goals, indicators, resources).

A deletion takes the content off the site in every language at once, without review, like
unpublishing: so it belongs to those who answer for what is published, not to communicators or
translators. Before this, only administrators could.
"""

from django.db import migrations

APPROVERS = "Granskare"
SNIPPET_MODELS = ["actor", "concept", "contact", "goal", "indicatorcategory", "resource"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=APPROVERS).first()
    if group is None:
        return
    for model in SNIPPET_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="snippets", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"delete_{model}", defaults={"name": f"Can delete {model}"}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=APPROVERS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="snippets", codename__in=[f"delete_{model}" for model in SNIPPET_MODELS]
            )
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_approvers_mark_translations_reviewed")]

    operations = [migrations.RunPython(grant, revoke)]
