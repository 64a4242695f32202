"""After a publish, unpublish, move or delete, the very next request shows it everywhere it appears."""

import pytest
from django.db import transaction

from cms.caching.versions import content_version
from tests.elsewhere import elsewhere

pytestmark = pytest.mark.django_db


def warm(api, paths):
    for path in paths:
        assert api(path).status_code == 200


def test_editing_a_contact_changes_every_endpoint_and_page_that_shows_it(api, client, built):
    strategy, contact, chapter = built.strategy, built.contact, built.help
    paths = ["contacts/?limit=20", f"contacts/{contact.pk}/", f"strategies/{strategy.pk}/"]
    warm(api, paths)

    contact.phone = "020-61 60 61"
    contact.save_revision().publish()

    for path in paths:
        assert "020-61 60 61" in api(path).content.decode(), path
    assert "020-61 60 61" in client.get(chapter.url).content.decode()


def test_unpublishing_a_contact_removes_it_everywhere(api, built):
    strategy, contact = built.strategy, built.contact
    paths = ["contacts/?limit=20", f"strategies/{strategy.pk}/"]
    warm(api, paths)
    contact.unpublish()
    for path in paths:
        assert contact.name not in api(path).content.decode(), path
    assert api(f"contacts/{contact.pk}/").status_code == 404


def test_publishing_a_page_changes_the_document_and_navigation(api, built):
    strategy, chapter = built.strategy, built.region
    warm(api, [f"strategies/{strategy.pk}/", "navigation/?depth=3", f"pages/{chapter.pk}/"])
    chapter.title = "Läget i regionen och länet"
    chapter.save_revision().publish()
    for path in [f"strategies/{strategy.pk}/", "navigation/?depth=3", f"pages/{chapter.pk}/"]:
        assert "Läget i regionen och länet" in api(path).json().__repr__(), path


def test_unpublishing_and_deleting_a_page_removes_it(api, built):
    strategy = built.strategy
    warm(api, [f"strategies/{strategy.pk}/", "navigation/?depth=3"])
    built.region.unpublish()
    built.network.delete()
    for path in [f"strategies/{strategy.pk}/", "navigation/?depth=3"]:
        body = api(path).content.decode()
        assert '"Läget i regionen"' not in body and "Möten i nätverket" not in body, path


def test_moving_a_page_changes_breadcrumbs(api, built):
    region = built.region
    warm(api, [f"pages/{region.pk}/breadcrumbs/"])
    region.move(built.work, pos="last-child")
    titles = [c["title"] for c in api(f"pages/{region.pk}/breadcrumbs/").json()]
    assert titles[-2:] == ["Arbetssätt", "Läget i regionen"]


def test_a_publish_is_shared_with_other_processes_only_when_it_commits(built, django_capture_on_commit_callbacks):
    # Another process that read the new version before the commit would cache the old rows under it.
    chapter = built.work
    before = elsewhere(content_version, path=chapter.url)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        chapter.save_revision().publish()
        during = content_version(path=chapter.url)
        assert during != before
        assert elsewhere(content_version, path=chapter.url) == before
    after = elsewhere(content_version, path=chapter.url)
    assert after == content_version(path=chapter.url)
    # Not the version the transaction's own reads used: what they cached may predate a later change in it.
    assert after not in (before, during)


def test_a_publish_that_rolls_back_renews_nothing(built):
    chapter = built.work
    before = elsewhere(content_version, path=chapter.url)
    with pytest.raises(RuntimeError), transaction.atomic():
        chapter.save_revision().publish()
        during = content_version(path=chapter.url)
        raise RuntimeError("the publish fails after its signal")
    assert during != before
    assert elsewhere(content_version, path=chapter.url) == before
    # Nor does this thread keep reading the versions of a change that never happened.
    assert content_version(path=chapter.url) != during
