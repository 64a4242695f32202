"""A change renews only the cached answers that show the changed object: each kind of change makes
every answer that shows it fresh on the next request, and leaves an answer it does not reach cached."""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from pages.models import AccessibilityStatementPage
from snippets.models import Actor
from tests.content import sv
from tests.factories import ContactFactory, publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()


@pytest.fixture
def get(client):
    def answer(path):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        response.queries = len(captured)
        return response

    return answer


@pytest.fixture
def unrelated():
    """Answers that show nothing of the strategy's chapters or its contacts."""
    statement = sv(AccessibilityStatementPage).get()
    return [statement.url, f"/api/v3/pages/{statement.pk}/", "/api/v3/actors/?locale=sv"]


def warm(get, paths):
    for path in paths:
        assert get(path).status_code == 200, path
        assert get(path).queries == 0, path


def assert_still_cached(get, paths):
    for path in paths:
        response = get(path)
        assert response.status_code == 200 and response.queries == 0, path


def test_a_page_publish_renews_its_pages_and_documents_and_nothing_else(get, built, unrelated):
    strategy, chapter, other_chapter = built.strategy, built.region, built.work
    reached = [chapter.url, other_chapter.url, f"/api/v3/pages/{chapter.pk}/", f"/api/v3/strategies/{strategy.pk}/"]
    # The listing's first 20 chapters, among them this strategy's, whatever else is loaded.
    listing = f"/api/v3/pages/?locale=sv&type=pages.ChapterPage&descendant_of={strategy.pk}"
    reached += ["/api/v3/navigation/?depth=3", listing]
    warm(get, reached + unrelated)

    chapter.title = "Läget i regionen och länet"
    chapter.save_revision().publish()

    for path in reached:  # the other chapter's table of contents names it
        assert "Läget i regionen och länet" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_snippet_in_the_strategy_document_renews_what_shows_it(get, built, unrelated):
    strategy, contact = built.strategy, built.contact
    reached = [
        built.help.url,
        f"/api/v3/strategies/{strategy.pk}/",
        f"/api/v3/contacts/{contact.pk}/",
        "/api/v3/contacts/",
    ]
    warm(get, reached + unrelated)

    contact.phone = "020-61 60 61"
    contact.save_revision().publish()

    for path in reached:
        assert "020-61 60 61" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_snippet_in_the_emergency_banner_renews_every_page(get, built):
    # No page chooses it: the banner shows it on every page.
    banner = publish(ContactFactory(name="Jourtelefonen", phone="0910-11 11 11", in_emergency_banner=True))
    statement = sv(AccessibilityStatementPage).get().url
    chapter = built.work.url
    unrelated = ["/api/v3/actors/?locale=sv", f"/api/v3/actors/{sv(Actor).first().pk}/"]
    warm(get, [statement, chapter, *unrelated])

    banner.phone = "0910-11 11 12"
    banner.save_revision().publish()

    for path in (statement, chapter):
        assert "0910-11 11 12" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_view_restriction_hides_the_page_and_everything_below_it_at_once(get, built, unrelated):
    strategy, restricted, below = built.strategy, built.work, built.network
    hidden = [restricted.url, below.url, f"/api/v3/pages/{restricted.pk}/", f"/api/v3/pages/{below.pk}/"]
    warm(get, [*hidden, f"/api/v3/strategies/{strategy.pk}/", *unrelated])

    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)

    for path in hidden:
        assert get(path).status_code != 200, path
    assert f'"title": "{below.title}"' not in get(f"/api/v3/strategies/{strategy.pk}/").content.decode()
    assert_still_cached(get, unrelated)


def test_a_move_renews_the_old_and_new_address_and_the_breadcrumbs(get, built, unrelated):
    region = built.region
    old_url = region.url
    warm(get, [old_url, f"/api/v3/pages/{region.pk}/breadcrumbs/", *unrelated])

    region.move(built.work, pos="last-child")
    region.refresh_from_db()

    moved = get(old_url)  # the old address sends readers on (Wagtail's automatic redirect)
    assert moved.status_code == 301 and moved["Location"] == region.url
    assert get(region.url).status_code == 200
    titles = [c["title"] for c in get(f"/api/v3/pages/{region.pk}/breadcrumbs/").json()]
    assert titles[-2:] == ["Arbetssätt", "Läget i regionen"]
    assert_still_cached(get, unrelated)


def test_a_delete_removes_the_page_from_everything_that_showed_it(get, built, unrelated):
    strategy, deleted = built.strategy, built.network
    shown = [deleted.url, f"/api/v3/pages/{deleted.pk}/"]
    warm(get, [*shown, f"/api/v3/strategies/{strategy.pk}/", "/api/v3/navigation/?depth=3", *unrelated])

    deleted.delete()

    for path in shown:
        assert get(path).status_code == 404, path
    for path in (f"/api/v3/strategies/{strategy.pk}/", "/api/v3/navigation/?depth=3"):
        assert "Möten i nätverket" not in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_change_without_a_computed_reach_renews_everything_and_says_so(get, unrelated, caplog):
    warm(get, unrelated)
    with caplog.at_level(logging.INFO, logger="cms.caching.versions"):
        Locale.objects.get(language_code="sv").save()
    assert "Every cached answer renewed" in caplog.text
    for path in unrelated:
        assert get(path).queries > 0, path


@pytest.mark.parametrize("change", ["view restriction", "unpublish"])
def test_a_contact_leaves_the_cached_lists_when_its_only_page_stops_being_public(get, built, change):
    # One live page chooses the contact, and no other; nor is it in the emergency banner.
    contact, page = built.contact, built.help
    listing, detail = "/api/v3/contacts/?locale=sv", f"/api/v3/contacts/{contact.pk}/"
    warm(get, [listing, detail])
    assert contact.name in get(listing).content.decode()

    if change == "view restriction":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        page.unpublish()

    assert contact.name not in get(listing).content.decode()
    assert get(detail).status_code == 404
