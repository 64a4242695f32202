"""A change renews only the cached answers that show the changed object: each kind of change makes
every answer that shows it fresh on the next request, and leaves an answer it does not reach cached."""

import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from pages.models import AccessibilityStatementPage, ChapterPage
from snippets.models import Actor, Contact
from tests.content import sv

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


def test_a_page_publish_renews_its_pages_and_documents_and_nothing_else(get, strategy, unrelated):
    chapter = sv(ChapterPage).get(slug="norrland")
    other_chapter = sv(ChapterPage).get(slug="aktorer")
    reached = [chapter.url, other_chapter.url, f"/api/v3/pages/{chapter.pk}/", f"/api/v3/strategies/{strategy.pk}/"]
    reached += ["/api/v3/navigation/?depth=3", "/api/v3/pages/?locale=sv&type=pages.ChapterPage"]
    warm(get, reached + unrelated)

    chapter.title = "Norrland och Västerbotten"
    chapter.save_revision().publish()

    for path in reached:  # the other chapter's table of contents names it
        assert "Norrland och Västerbotten" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_snippet_in_the_strategy_document_renews_what_shows_it(get, strategy, unrelated):
    contact = sv(Contact).get(name="Mikamottagningen")
    bilaga_2 = sv(ChapterPage).get(slug__startswith="bilaga-2").url
    reached = [bilaga_2, f"/api/v3/strategies/{strategy.pk}/", f"/api/v3/contacts/{contact.pk}/", "/api/v3/contacts/"]
    warm(get, reached + unrelated)

    contact.phone = "020-61 60 61"
    contact.save_revision().publish()

    for path in reached:
        assert "020-61 60 61" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_snippet_in_the_emergency_banner_renews_every_page(get, strategy):
    police = sv(Contact).get(phone="114 14", in_emergency_banner=True)
    statement = sv(AccessibilityStatementPage).get().url
    chapter = sv(ChapterPage).get(slug="aktorer").url
    unrelated = ["/api/v3/actors/?locale=sv", f"/api/v3/actors/{sv(Actor).first().pk}/"]
    warm(get, [statement, chapter, *unrelated])

    police.phone = "114 15"
    police.save_revision().publish()

    for path in (statement, chapter):
        assert "114 15" in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_view_restriction_hides_the_page_and_everything_below_it_at_once(get, strategy, unrelated):
    samverkan = sv(ChapterPage).get(slug="samverkan")
    below = sv(ChapterPage).child_of(samverkan).live().first()
    hidden = [samverkan.url, below.url, f"/api/v3/pages/{samverkan.pk}/", f"/api/v3/pages/{below.pk}/"]
    warm(get, [*hidden, f"/api/v3/strategies/{strategy.pk}/", *unrelated])

    PageViewRestriction.objects.create(page=samverkan, restriction_type=PageViewRestriction.LOGIN)

    for path in hidden:
        assert get(path).status_code != 200, path
    assert f'"title": "{below.title}"' not in get(f"/api/v3/strategies/{strategy.pk}/").content.decode()
    assert_still_cached(get, unrelated)


def test_a_move_renews_the_old_and_new_address_and_the_breadcrumbs(get, strategy, unrelated):
    norrland = sv(ChapterPage).get(slug="norrland")
    old_url = norrland.url
    warm(get, [old_url, f"/api/v3/pages/{norrland.pk}/breadcrumbs/", *unrelated])

    norrland.move(sv(ChapterPage).get(slug="samverkan"), pos="last-child")
    norrland.refresh_from_db()

    moved = get(old_url)  # the old address sends readers on (Wagtail's automatic redirect)
    assert moved.status_code == 301 and moved["Location"] == norrland.url
    assert get(norrland.url).status_code == 200
    titles = [c["title"] for c in get(f"/api/v3/pages/{norrland.pk}/breadcrumbs/").json()]
    assert titles[-2:] == ["Samverkan", "Norrland"]
    assert_still_cached(get, unrelated)


def test_a_delete_removes_the_page_from_everything_that_showed_it(get, strategy, unrelated):
    regionalt = sv(ChapterPage).get(slug="regionalt-arbete")
    shown = [regionalt.url, f"/api/v3/pages/{regionalt.pk}/"]
    warm(get, [*shown, f"/api/v3/strategies/{strategy.pk}/", "/api/v3/navigation/?depth=3", *unrelated])

    regionalt.delete()

    for path in shown:
        assert get(path).status_code == 404, path
    for path in (f"/api/v3/strategies/{strategy.pk}/", "/api/v3/navigation/?depth=3"):
        assert "Regionalt arbete" not in get(path).content.decode(), path
    assert_still_cached(get, unrelated)


def test_a_change_without_a_computed_reach_renews_everything_and_says_so(get, unrelated, caplog):
    warm(get, unrelated)
    with caplog.at_level(logging.INFO, logger="cms.caching.versions"):
        Locale.objects.get(language_code="sv").save()
    assert "Every cached answer renewed" in caplog.text
    for path in unrelated:
        assert get(path).queries > 0, path


def contact_shown_only_by_one_page():
    """A Swedish contact that one live page chooses and no other, nor the emergency banner."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Contact),
    )
    by_contact = {}
    for contact_id, page_id in references.values_list("to_object_id", "object_id"):
        by_contact.setdefault(int(contact_id), set()).add(int(page_id))
    for contact in sv(Contact).filter(pk__in=by_contact, in_emergency_banner=False, live=True):
        if len(by_contact[contact.pk]) == 1:
            return contact, Page.objects.get(pk=next(iter(by_contact[contact.pk]))).specific
    raise AssertionError("the package has no contact that only one page shows")


@pytest.mark.parametrize("change", ["view restriction", "unpublish"])
def test_a_contact_leaves_the_cached_lists_when_its_only_page_stops_being_public(get, change):
    contact, page = contact_shown_only_by_one_page()
    listing, detail = "/api/v3/contacts/?locale=sv", f"/api/v3/contacts/{contact.pk}/"
    warm(get, [listing, detail])
    assert contact.name in get(listing).content.decode()

    if change == "view restriction":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    else:
        page.unpublish()

    assert contact.name not in get(listing).content.decode()
    assert get(detail).status_code == 404
