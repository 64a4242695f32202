"""cms 0013: the change feed of an installation from before it names the snippets public pages show,
so the first publish after the deploy does not announce them all at once in an editor's request."""

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from wagtail.models import PageViewRestriction

from cms.api_paths import COLLECTIONS
from cms.changes import reconcile_snippets
from cms.models import ContentChange
from snippets.models import Contact
from tests.factories import ChapterPageFactory, ContactFactory, publish

pytestmark = pytest.mark.django_db

MIGRATION = ("cms", "0013_record_snippets_shown_before_the_feed_followed_pages")


def run_data_migration():
    loader = MigrationLoader(connection)
    apps = loader.project_state(MIGRATION, at_end=True).apps
    for operation in loader.get_migration(*MIGRATION).operations:
        if isinstance(operation, RunPython):
            operation.code(apps, None)


def snippet_entries():
    return ContentChange.objects.filter(kind__in=COLLECTIONS.values())


def test_the_feed_names_what_public_pages_show_and_nothing_else(built):
    strategy = built.strategy
    shown = ContactFactory(name="Visas")
    hidden = ContactFactory(name="Bara på en intern sida")
    unused = ContactFactory(name="Används inte")
    for contact in (shown, hidden, unused):
        publish(contact)
    public = ChapterPageFactory(parent=strategy, title="Publik", body=[("contacts", {"contacts": [shown]})])
    internal = ChapterPageFactory(parent=strategy, title="Intern", body=[("contacts", {"contacts": [hidden]})])
    PageViewRestriction.objects.create(page=internal, restriction_type="password", password="pw")
    publish(public)
    publish(internal)
    # An installation from before: its feed never named a snippet.
    snippet_entries().delete()

    run_data_migration()

    named = set(snippet_entries().filter(kind="contacts").values_list("object_id", flat=True))
    assert shown.pk in named and not {hidden.pk, unused.pk} & named
    assert set(snippet_entries().values_list("action", flat=True)) == {"created"}
    # The emergency banner's contacts of the shipped content, shown on every page.
    assert set(Contact.objects.filter(live=True, in_emergency_banner=True).values_list("pk", flat=True)) <= named
    # What the feed now says is what the rule of cms/changes.py says: the next commit announces nothing.
    before = ContentChange.objects.count()
    reconcile_snippets()
    assert ContentChange.objects.count() == before
