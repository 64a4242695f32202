"""Overrides stored before these values were locked (cms/translation_locks.py) stop applying.

wagtail-localize writes an override into the translation every time it is saved, so one made
earlier would keep changing a phone number, address or date in that language. The list of
fields is frozen here, as it was when they were locked.
"""

from django.db import migrations

LOCKED_FIELDS = {
    ("snippets", "contact"): {"phone", "url", "category", "in_emergency_banner", "verified_on"},
    ("snippets", "resource"): {"kind", "url", "sort_order"},
    ("snippets", "actor"): {"sort_order", "responsibilities.kind"},
    ("snippets", "concept"): {"sort_order"},
    ("snippets", "goal"): {"sort_order"},
    ("snippets", "indicatorcategory"): {"sort_order"},
    ("pages", "strategypage"): {
        "document_date",
        "decision_body",
        "decision_date",
        "decision_paragraph",
        "financed_by",
        "follow_up_owner",
        "next_review_date",
        "website",
    },
    ("pages", "accessibilitystatementpage"): {"form_fields.clean_name", "form_fields.field_type", "form_fields.required"},
}
LOCKED_LINKS = ('"tel:', '"mailto:')


def locked(app_label, model, path, data_json):
    if data_json.lower().startswith(LOCKED_LINKS):
        return True
    parts = path.split(".")
    # "field", or "relation.<row key>.field" for a value of an inline row
    name = parts[0] if len(parts) == 1 else f"{parts[0]}.{parts[-1]}" if len(parts) == 3 else None
    return name in LOCKED_FIELDS.get((app_label, model), set())


def drop_overrides(apps, schema_editor):
    OverridableSegment = apps.get_model("wagtail_localize", "OverridableSegment")
    SegmentOverride = apps.get_model("wagtail_localize", "SegmentOverride")
    contexts = [
        segment.context_id
        for segment in OverridableSegment.objects.select_related("context", "source__specific_content_type")
        if locked(
            segment.source.specific_content_type.app_label,
            segment.source.specific_content_type.model,
            segment.context.path,
            segment.data_json,
        )
    ]
    SegmentOverride.objects.filter(context_id__in=contexts).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_roles_and_review_workflow"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(drop_overrides, migrations.RunPython.noop)]
