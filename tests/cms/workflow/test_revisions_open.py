"""Every stored revision still opens: a StreamField change that breaks old revisions must come with a
data migration (wagtail's MigrateStreamData with revisions_from) or this fails."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from pages.models import ChapterPage

pytestmark = pytest.mark.django_db


def test_every_chapter_revision_opens_and_compares_with_the_live_version(admin_client, built):
    # Every stored revision, the shipped ones included; the one compared chooses a contact in its body.
    chapter = built.help
    chapter.save_revision()  # a second revision, so there is something to compare
    revisions = Revision.page_revisions.filter(
        object_id__in=[str(pk) for pk in ChapterPage.objects.values_list("pk", flat=True)]
    )
    assert revisions.count() > ChapterPage.objects.count()
    failing = []
    for revision in revisions:
        view = admin_client.get(reverse("wagtailadmin_pages:revisions_view", args=[revision.object_id, revision.pk]))
        if view.status_code != 200:
            failing.append(("view", revision.pk, view.status_code))
    latest = Revision.page_revisions.filter(object_id=str(chapter.pk)).order_by("-pk")
    compare = admin_client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[chapter.pk, latest[1].pk, latest[0].pk])
    )
    assert failing == [] and compare.status_code == 200
