"""The single "contact" card block folds into "contacts" (one or more cards): two blocks did one job.

Every stored copy of a chapter body changes with it, so nothing refers to a block that no longer
exists: the pages, all their revisions (editors open, compare and revert to old ones), the
snapshot wagtail-localize translates from and its segment paths, and the reference index.
"""

import json
import uuid

import wagtail.fields
from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from pages.stream_operations import StreamChildToOneItemListOperation, item_id

FOLD = StreamChildToOneItemListOperation("contact", "contact", "contacts", "contacts")
# The namespaces wagtail-localize and Wagtail hash content paths with (TranslationContext.path_id,
# ReferenceIndex.content_path_hash); historical models have no methods to call.
LOCALIZE_PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")
REFERENCE_PATH_NAMESPACE = uuid.UUID("bdc70d8b-e7a2-4c2a-bf43-2a3e3fcbbe86")


def moved_paths(stream):
    """Old content path → new, for each folded block of a raw body."""
    return {
        f"body.{child['id']}.contact": f"body.{child['id']}.contacts.{item_id(child['id'])}"
        for child in stream
        if child.get("type") == "contact" and child.get("id")
    }


def fold_translation_sources(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    chapter = ContentType.objects.filter(app_label="pages", model="chapterpage").first()
    if chapter is None:
        return
    for source in TranslationSource.objects.filter(specific_content_type=chapter).iterator():
        content = json.loads(source.content_json)
        body = content.get("body")
        stream = json.loads(body) if isinstance(body, str) else body
        if not stream:
            continue
        moved = moved_paths(stream)
        if not moved:
            continue
        folded = FOLD.apply(stream)
        content["body"] = json.dumps(folded) if isinstance(body, str) else folded
        source.content_json = json.dumps(content)
        source.save(update_fields=["content_json"])
        for context in TranslationContext.objects.filter(object_id=source.object_id, path__in=moved):
            context.path = moved[context.path]
            context.path_id = uuid.uuid5(LOCALIZE_PATH_NAMESPACE, context.path)
            context.field_path = ""  # wagtail-localize works it out again on first use
            context.save(update_fields=["path", "path_id", "field_path"])


def fold_reference_index(apps, schema_editor):
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    for reference in ReferenceIndex.objects.filter(model_path="body.contact.contact").iterator():
        block_id = reference.content_path.split(".")[1]
        reference.model_path = "body.contacts.contacts.item"
        reference.content_path = f"body.{block_id}.contacts.{item_id(block_id)}"
        reference.content_path_hash = uuid.uuid5(REFERENCE_PATH_NAMESPACE, reference.content_path)
        reference.save(update_fields=["model_path", "content_path", "content_path_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_site_pages"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # Every revision, not only recent ones: editors compare and revert to revisions of any age.
        MigrateStreamData("pages", "ChapterPage", "body", [(FOLD, "")], revisions_from=None),
        migrations.RunPython(fold_translation_sources, migrations.RunPython.noop),
        migrations.RunPython(fold_reference_index, migrations.RunPython.noop),
        # Last: the data operations above read bodies with the old block definitions.
        migrations.AlterField(
            model_name="chapterpage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("heading", 2),
                    ("rich_text", 3),
                    ("callout", 6),
                    ("actors", 9),
                    ("actor_role", 11),
                    ("actor_responsibilities", 11),
                    ("actor_matrix", 13),
                    ("concept", 15),
                    ("goal", 17),
                    ("goal_overview", 20),
                    ("indicators", 22),
                    ("contacts", 25),
                    ("contact_table", 26),
                    ("resources", 29),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "text", "max_length": 200}),
                    1: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [("2", "Section"), ("3", "Sub-section")],
                            "help_text": "The chapter's title is the main heading; sections go under it.",
                            "label": "level",
                        },
                    ),
                    2: ("wagtail.blocks.StructBlock", [[("text", 0), ("level", 1)]], {}),
                    3: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic", "ul", "ol", "link"],
                            "icon": "pilcrow",
                            "label": "Text",
                            "template": "pages/blocks/rich_text.html",
                        },
                    ),
                    4: ("wagtail.blocks.CharBlock", (), {"label": "title", "max_length": 200, "required": False}),
                    5: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {"features": ["bold", "italic", "ul", "ol", "link"], "label": "text"},
                    ),
                    6: ("wagtail.blocks.StructBlock", [[("title", 4), ("text", 5)]], {}),
                    7: ("pages.blocks.choosers.ActorChooserBlock", (), {}),
                    8: ("wagtail.blocks.ListBlock", (7,), {"label": "actors"}),
                    9: ("wagtail.blocks.StructBlock", [[("actors", 8)]], {}),
                    10: ("pages.blocks.choosers.ActorChooserBlock", (), {"label": "actor"}),
                    11: ("wagtail.blocks.StructBlock", [[("actor", 10)]], {}),
                    12: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Describes the table for screen reader users.",
                            "label": "caption",
                            "max_length": 200,
                        },
                    ),
                    13: ("wagtail.blocks.StructBlock", [[("caption", 12)]], {}),
                    14: ("pages.blocks.choosers.ConceptChooserBlock", (), {"label": "concept"}),
                    15: ("wagtail.blocks.StructBlock", [[("concept", 14)]], {}),
                    16: ("pages.blocks.choosers.GoalChooserBlock", (), {"label": "goal"}),
                    17: ("wagtail.blocks.StructBlock", [[("goal", 16)]], {}),
                    18: ("pages.blocks.choosers.GoalChooserBlock", (), {}),
                    19: ("wagtail.blocks.ListBlock", (18,), {"label": "goals"}),
                    20: ("wagtail.blocks.StructBlock", [[("goals", 19)]], {}),
                    21: ("pages.blocks.choosers.IndicatorCategoryChooserBlock", (), {"label": "category"}),
                    22: ("wagtail.blocks.StructBlock", [[("category", 21)]], {}),
                    23: ("pages.blocks.choosers.ContactChooserBlock", (), {}),
                    24: ("wagtail.blocks.ListBlock", (23,), {"label": "contacts"}),
                    25: ("wagtail.blocks.StructBlock", [[("contacts", 24)]], {}),
                    26: ("wagtail.blocks.StructBlock", [[("caption", 12), ("contacts", 24)]], {}),
                    27: ("pages.blocks.choosers.ResourceChooserBlock", (), {}),
                    28: ("wagtail.blocks.ListBlock", (27,), {"label": "resources"}),
                    29: ("wagtail.blocks.StructBlock", [[("resources", 28)]], {}),
                },
                verbose_name="body",
            ),
        ),
    ]
