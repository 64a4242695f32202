"""Approvers (Granskare) record translation reviews; translators and communicators may not.

A translator would otherwise vouch for their own text, and the public notice exists because
the shipped texts have not been checked by anyone independent.
"""

from django.db import migrations

APPROVERS = "Granskare"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="translationreview")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="mark_translation_reviewed",
        defaults={"name": "Can mark a translation as reviewed"},
    )
    group, _ = Group.objects.get_or_create(name=APPROVERS)
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=APPROVERS).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(codename="mark_translation_reviewed"))


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_translation_review"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(grant, revoke)]
