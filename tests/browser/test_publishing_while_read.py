"""An approver publishes a chapter's new title while readers read the strategy on their phones, on a
server with production's caches (Redis, the public page cache, the renders after a publish): the
readers' next page shows the new title at once, and comes from the cache rather than making them
wait for a render."""

import json
import shutil

import pytest

from tests import loaded_database

from .conftest import ServerLog, serving
from .conftest import public_text as public
from .test_editor_journeys import choose_action, messages, type_after_autosave_starts

# One worker starts this module's server: --dist loadgroup would otherwise hand its tests to both.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("cached_server")]

STRATEGY = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/"
CHAPTER = f"{STRATEGY}aktorer/"
# Its own Redis database: the other tests' server keeps its cache in its process.
REDIS_URL = "redis://127.0.0.1:6379/8"


@pytest.fixture(scope="module")
def cached_server(tmp_path_factory, server_env):
    folder = tmp_path_factory.mktemp("cached-server")
    shutil.copyfile(loaded_database.sqlite_file(), folder / "site.sqlite3")
    env = {
        **server_env,
        "DJANGO_SETTINGS_MODULE": "tests.browser.cached_settings",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "REDIS_URL": REDIS_URL,
    }
    # Readers come to the site's public address, where a publish renders what they read.
    setup = (
        "from django.core.cache import cache; cache.clear()\n"
        "from wagtail.models import Site\n"
        "Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port=port)"
    )
    with serving(env, ServerLog(folder / "server.log"), setup) as base:
        yield base


def on_a_phone(browser):
    context = browser.new_context(locale="sv-SE", viewport={"width": 375, "height": 812}, is_mobile=True)
    return context.new_page()


def test_readers_see_the_approvers_publish_at_once_and_from_the_cache(cached_server, browser, login):
    # One reader has the chapter open; the next reader is served both pages by the server's cache.
    first_reader = on_a_phone(browser)
    for path in (STRATEGY, CHAPTER):
        first_reader.goto(cached_server + path)
    next_reader = on_a_phone(browser)
    for path in (STRATEGY, CHAPTER):
        assert next_reader.goto(cached_server + path).headers["x-cache"] == "hit", path

    chapter_id = json.loads(public(cached_server, "/api/v3/pages/?slug=aktorer&locale=sv"))["items"][0]["id"]
    approver = login("granskare", locale="en-US", at=cached_server)
    approver.goto(f"{cached_server}/admin/pages/{chapter_id}/edit/")
    type_after_autosave_starts(approver, "#id_title", " i länet")
    choose_action(approver, "Publicera")
    assert "publicerad" in messages(approver)

    # The reader who had it open pulls to refresh (a plain revisit may come from the phone's own
    # cache for a minute: cms/middleware.py); a reader who arrives now opens it.
    first_reader.reload()
    assert first_reader.locator("h1").inner_text() == "Aktörer i länet"
    arriving = on_a_phone(browser)
    chapter = arriving.goto(cached_server + CHAPTER)
    assert chapter.headers["x-cache"] == "hit"
    assert arriving.locator("h1").inner_text() == "Aktörer i länet"
    strategy = arriving.goto(cached_server + STRATEGY)
    assert strategy.headers["x-cache"] == "hit"
    assert arriving.locator("main").get_by_role("link", name="Aktörer i länet").count() >= 1
