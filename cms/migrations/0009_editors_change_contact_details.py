"""Communicators and approvers edit the municipality's contact details (the footer's site setting).

The details are facts about the municipality, not published content: they have no review step,
like the site's name. Translators do not edit them; they are not translated (cms/contact_details.py).
"""

from django.db import migrations

GROUPS = ["Kommunikatörer", "Granskare"]
CODENAME = "change_municipalitycontactdetails"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="municipalitycontactdetails")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": "Can change municipality's contact details"}
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*Permission.objects.filter(codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [("cms", "0008_municipality_contact_details"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [migrations.RunPython(grant, revoke)]
