"""A real StreamField change: the single "contact" card block folded into "contacts".

Chapters stored before the change (the page, an old revision, the snapshot wagtail-localize
translates from, the reference index) are written in the old format through the historical
models, then the migration's data operations run on them. Without the migration the contact
silently disappears; with it, every copy shows the contact.
"""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from django.urls import reverse
from wagtail.models import Locale, Page, ReferenceIndex, Revision
from wagtail_localize.models import RelatedObjectSegment, TranslatableObject, TranslationContext, TranslationSource
from wagtail_localize.segments import RelatedObjectSegmentValue
from wagtail_localize.segments.extract import extract_segments

from pages.models import ChapterPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db

MIGRATION = ("pages", "0003_fold_contact_into_contacts")
OLD_BLOCK_ID = "0d6f7a52-3b8c-4a51-9a64-6b1f3d0c2e11"


def old_state_apps():
    """The models as they were just before the migration, with the "contact" block still defined."""
    return MigrationLoader(connection).project_state(MIGRATION, at_end=False).apps


def run_data_migration(apps):
    migration = MigrationLoader(connection).get_migration(*MIGRATION)
    for operation in migration.operations:
        if isinstance(operation, RunPython):
            operation.code(apps, None)


@pytest.fixture
def old_format_chapter():
    """A Swedish chapter whose body, older revision and translation source use the old block."""
    chapter = sv(ChapterPage).get(slug="bilaga-2-kontaktuppgifter")
    # A contact the chapter does not show yet, so every sighting of it below comes from the old block.
    shown = set(contacts_in(chapter.body)) | set(contacts_in_tables(chapter.body))
    contact = sv(Contact).filter(live=True).exclude(pk__in=shown).order_by("pk").first()
    old_block = {"type": "contact", "value": {"contact": contact.pk}, "id": OLD_BLOCK_ID}
    stream = [*chapter.body.raw_data, old_block]

    apps = old_state_apps()
    apps.get_model("pages", "ChapterPage").objects.filter(pk=chapter.pk).update(body=stream)
    revision = chapter.save_revision()
    content = revision.content
    content["body"] = json.dumps(stream)
    Revision.objects.filter(pk=revision.pk).update(content=content)

    source = TranslationSource.objects.get(object_id=chapter.translation_key, locale=chapter.locale)
    source_content = json.loads(source.content_json)
    source_content["body"] = json.dumps(stream)
    TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(source_content))
    context = TranslationContext.objects.create(object=source.object, path=f"body.{OLD_BLOCK_ID}.contact")
    RelatedObjectSegment.objects.create(
        source=source, context=context, order=10_000, object=TranslatableObject.objects.get_for_instance(contact)
    )
    # The row the index held for the old block (today's code would no longer see the block at all).
    ReferenceIndex.objects.create(
        content_type=ContentType.objects.get_for_model(ChapterPage),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(chapter.pk),
        to_content_type=ContentType.objects.get_for_model(Contact),
        to_object_id=str(contact.pk),
        model_path="body.contact.contact",
        content_path=f"body.{OLD_BLOCK_ID}.contact",
        content_path_hash=ReferenceIndex._get_content_path_hash(f"body.{OLD_BLOCK_ID}.contact"),
    )
    return apps, chapter, contact, revision, source


def contacts_in(body, block_type="contacts"):
    return [contact.pk for block in body if block.block_type == block_type for contact in block.value["contacts"]]


def contacts_in_tables(body):
    return contacts_in(body, "contact_table")


def test_without_the_migration_the_old_block_is_lost(old_format_chapter, client):
    _apps, chapter, contact, revision, _source = old_format_chapter
    assert contact.name not in client.get(chapter.url).content.decode()
    # What the tests below guard against: with the block gone and the data not migrated, the stored
    # contact card silently vanishes from the page and from the revision.
    assert contact.pk not in contacts_in(ChapterPage.objects.get(pk=chapter.pk).body)
    assert contact.pk not in contacts_in(revision.as_object().body)


def test_page_and_public_html_show_the_folded_contact(old_format_chapter, client):
    apps, chapter, contact, _revision, _source = old_format_chapter
    run_data_migration(apps)
    chapter = ChapterPage.objects.get(pk=chapter.pk)
    folded = [block for block in chapter.body if block.id == OLD_BLOCK_ID]
    assert [block.block_type for block in folded] == ["contacts"]
    assert [item.pk for item in folded[0].value["contacts"]] == [contact.pk]
    assert contact.name in client.get(chapter.url).content.decode()


def test_an_old_revision_opens_with_the_contact_and_reverts_to_it(old_format_chapter, admin_client):
    apps, chapter, contact, revision, _source = old_format_chapter
    run_data_migration(apps)
    revision.refresh_from_db()
    assert contacts_in(revision.as_object().body) == [*contacts_in(chapter.body), contact.pk]
    view = admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=[chapter.pk, revision.pk]))
    assert view.status_code == 200
    assert contact.name in view.content.decode()
    revert = admin_client.get(reverse("wagtailadmin_pages:revisions_revert", args=[chapter.pk, revision.pk]))
    assert revert.status_code == 200


def test_translation_keeps_the_translated_contact(old_format_chapter):
    apps, chapter, contact, _revision, source = old_format_chapter
    run_data_migration(apps)
    source.refresh_from_db()
    context_paths = set(RelatedObjectSegment.objects.filter(source=source).values_list("context__path", flat=True))
    migrated = ChapterPage.objects.get(pk=chapter.pk)
    extracted = {s.path for s in extract_segments(migrated) if isinstance(s, RelatedObjectSegmentValue)}
    # The segment paths are exactly those wagtail-localize would extract from the migrated page.
    assert context_paths == extracted

    english = Locale.objects.get(language_code="en")
    translation, _created = source.create_or_update_translation(english, fallback=True)
    english_contact = contact.get_translation(english)
    folded = [block for block in translation.body if block.id == OLD_BLOCK_ID]
    assert [item.pk for item in folded[0].value["contacts"]] == [english_contact.pk]


def test_the_reference_index_matches_a_rebuild(old_format_chapter):
    apps, chapter, contact, _revision, _source = old_format_chapter
    run_data_migration(apps)

    def rows():
        return set(
            ReferenceIndex.objects.filter(object_id=str(chapter.pk)).values_list(
                "to_object_id", "model_path", "content_path", "content_path_hash"
            )
        )

    migrated = rows()
    ReferenceIndex.create_or_update_for_object(ChapterPage.objects.get(pk=chapter.pk))
    assert migrated == rows()
    assert (str(contact.pk), "body.contacts.contacts.item") in {(row[0], row[1]) for row in migrated}
