"""How long browsers and shared caches may keep an HTML answer: a minute (five for a CDN) for what every
anonymous reader sees alike, never for anything personal."""

import pytest
from django.test import Client

from pages.models import AccessibilityStatementPage
from tests.content import sv
from tests.site_text import live_pages

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=60, s-maxage=300"
PRIVATE = "private, no-store"


def test_every_public_page_may_be_kept_briefly_by_anyone(public_site):
    pages = live_pages()
    assert len(pages) > 80  # every page in every language
    kept = {page.url: public_site[page.url][1]["Cache-Control"] for page in pages}
    assert set(kept.values()) == {PUBLIC}


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "from-the-page-cache"])
def test_the_header_is_the_same_when_the_page_cache_answers(settings, built, cached):
    settings.PUBLIC_PAGE_CACHE = cached
    chapter = built.work
    Client().get(chapter.url)
    assert Client().get(chapter.url)["Cache-Control"] == PUBLIC


def test_signed_in_users_and_the_admin_are_never_stored(admin_client, built):
    chapter = built.work
    assert admin_client.get(chapter.url)["Cache-Control"] == PRIVATE
    assert admin_client.get("/admin/")["Cache-Control"] == PRIVATE
    assert Client().get("/admin/login/")["Cache-Control"] == PRIVATE


def test_search_results_a_posted_form_and_errors_are_never_stored(client):
    # The query words would stay in the browser's cache on a device someone else may look at.
    assert client.get("/sv/sok/", {"q": "polisen"})["Cache-Control"] == PRIVATE
    assert client.get("/sv/finns-inte/")["Cache-Control"] == PRIVATE
    statement = sv(AccessibilityStatementPage).get()
    field = statement.form_fields.get(field_type="multiline").clean_name
    assert client.post(statement.url, {field: "Min text"})["Cache-Control"] == PRIVATE


def test_a_visitor_with_a_session_gets_nothing_shared(client, built):
    client.cookies["sessionid"] = "someone-who-unlocked-a-private-page"
    chapter = built.work
    assert client.get(chapter.url)["Cache-Control"] == PRIVATE


def test_the_api_and_static_files_keep_their_own_rules(client):
    assert client.get("/api/v3/pages/")["Cache-Control"].startswith("public, max-age=")
    assert "s-maxage" not in client.get("/api/v3/pages/")["Cache-Control"]
    assert client.get("/robots.txt")["Cache-Control"] == "max-age=3600, public"
