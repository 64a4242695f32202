"""After a publish, unpublish, move or delete, the very next request shows it everywhere it appears."""

import pytest
from django.db import transaction

from cms.caching.versions import content_version
from pages.models import ChapterPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db


def warm(api, paths):
    for path in paths:
        assert api(path).status_code == 200


def test_editing_a_contact_changes_every_endpoint_and_page_that_shows_it(api, client, strategy):
    contact = sv(Contact).get(name="Mikamottagningen")
    bilaga_2 = sv(ChapterPage).get(slug__startswith="bilaga-2")
    paths = ["contacts/?limit=20", f"contacts/{contact.pk}/", f"strategies/{strategy.pk}/"]
    warm(api, paths)

    contact.phone = "020-61 60 61"
    contact.save_revision().publish()

    for path in paths:
        assert "020-61 60 61" in api(path).content.decode(), path
    assert "020-61 60 61" in client.get(bilaga_2.url).content.decode()


def test_unpublishing_a_contact_removes_it_everywhere(api, strategy):
    contact = sv(Contact).get(name="Mikamottagningen")
    paths = ["contacts/?limit=20", f"strategies/{strategy.pk}/"]
    warm(api, paths)
    contact.unpublish()
    for path in paths:
        assert "Mikamottagningen" not in api(path).content.decode().replace("Mikamottagning och", ""), path
    assert api(f"contacts/{contact.pk}/").status_code == 404


def test_publishing_a_page_changes_the_document_and_navigation(api, strategy):
    chapter = sv(ChapterPage).get(slug="norrland")
    warm(api, [f"strategies/{strategy.pk}/", "navigation/?depth=3", f"pages/{chapter.pk}/"])
    chapter.title = "Norrland och Västerbotten"
    chapter.save_revision().publish()
    for path in [f"strategies/{strategy.pk}/", "navigation/?depth=3", f"pages/{chapter.pk}/"]:
        assert "Norrland och Västerbotten" in api(path).json().__repr__(), path


def test_unpublishing_and_deleting_a_page_removes_it(api, strategy):
    norrland = sv(ChapterPage).get(slug="norrland")
    regionalt = sv(ChapterPage).get(slug="regionalt-arbete")
    warm(api, [f"strategies/{strategy.pk}/", "navigation/?depth=3"])
    norrland.unpublish()
    regionalt.delete()
    for path in [f"strategies/{strategy.pk}/", "navigation/?depth=3"]:
        body = api(path).content.decode()
        assert '"Norrland"' not in body and "Regionalt arbete" not in body, path


def test_moving_a_page_changes_breadcrumbs(api, strategy):
    norrland = sv(ChapterPage).get(slug="norrland")
    warm(api, [f"pages/{norrland.pk}/breadcrumbs/"])
    norrland.move(sv(ChapterPage).get(slug="samverkan"), pos="last-child")
    titles = [c["title"] for c in api(f"pages/{norrland.pk}/breadcrumbs/").json()]
    assert titles[-2:] == ["Samverkan", "Norrland"]


def test_a_publish_starts_another_version_when_it_commits(strategy, django_capture_on_commit_callbacks):
    # Between the publish signal and the commit, other requests still read the old rows and cache
    # them under the version the signal started; the commit must leave that version behind.
    chapter = sv(ChapterPage).get(slug="aktorer")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        chapter.save_revision().publish()
        during = content_version(path=chapter.url)
    assert content_version(path=chapter.url) != during
