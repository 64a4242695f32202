"""Approvers (Granskare) start translations: wagtail-localize's "Översätt" needs `submit_translation`.

Without it nobody but an administrator could start the translation of new content, such as a
year's follow-up reports; translators then translate and submit, approvers publish. The guard in
cms.admin_guards still requires the right to edit the source.
"""

from django.db import migrations

APPROVERS = "Granskare"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=APPROVERS).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=APPROVERS).first()
    if group is not None:
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_content_change"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
