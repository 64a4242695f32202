"""The public HTML cache: served from the cache when warm, never stale after a publish, never for editors,
never for pages that carry a CSRF token."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission

from pages.models import AccessibilityStatementPage
from tests.content import sv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()


def queries(client, path, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return len(captured), response


def test_a_warm_page_needs_no_database_and_a_publish_shows_at_once(client, built):
    chapter = built.work
    cold, first = queries(client, chapter.url)
    warm, second = queries(client, chapter.url)
    assert cold > 0 and warm == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]

    chapter.title = "Arbetssätt i nätverket"
    chapter.save_revision().publish()
    _count, third = queries(client, chapter.url)
    assert "<h1>Arbetssätt i nätverket</h1>" in third.content.decode()


def test_a_snippet_publish_shows_on_the_pages_that_show_it(client, built):
    chapter = built.help.url  # it chooses the contact
    client.get(chapter)
    contact = built.contact
    contact.phone = "0910-71 79 10"
    contact.save_revision().publish()
    assert "0910-71 79 10" in client.get(chapter).content.decode()


def test_editors_are_never_served_from_the_cache(client, admin_client, built):
    chapter = built.work
    client.get(chapter.url)
    count, _response = queries(admin_client, chapter.url)
    assert count > 0


def test_the_feedback_form_is_cached_but_a_report_is_never_answered_from_the_cache(client):
    # Without a CSRF token the form is the same for every reader; a POST always reaches the page.
    statement = sv(AccessibilityStatementPage).get()
    client.get(statement.url)
    count, response = queries(client.__class__(), statement.url)
    assert count == 0 and not response.cookies
    field = statement.form_fields.get(field_type="multiline").clean_name
    posted = client.post(statement.url, {field: "Fokus syns inte på knappen."})
    assert "Tack för att du hjälper oss" in posted.content.decode()
    assert FormSubmission.objects.filter(page=statement).count() == 1


def test_search_results_are_not_stored(client):
    client.get("/sv/sok/?q=polisen")
    count, _response = queries(client, "/sv/sok/?q=polisen")
    assert count > 0


@pytest.mark.parametrize("kind", ["login", "password"])
def test_after_a_page_is_made_private_no_anonymous_reader_gets_the_public_copy(client, built, kind):
    from wagtail.models import PageViewRestriction

    chapter = built.work
    api = f"/api/v3/pages/{chapter.pk}/"
    text = "<p>Arbetets text.</p>"
    assert text in client.get(chapter.url).content.decode()
    assert client.get(api).status_code == 200
    warm, _response = queries(client, chapter.url)
    assert warm == 0  # answered from the cache

    PageViewRestriction.objects.create(page=chapter, restriction_type=kind, password="hemligt")

    assert text not in client.get(chapter.url).content.decode()
    assert client.get(api).status_code == 404
