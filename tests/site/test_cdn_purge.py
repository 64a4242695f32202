"""Publishing purges the CDN: a loopback HTTP server stands in for it and records every PURGE."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Receiver.received = []
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield Receiver.received
    server.shutdown()


def in_every_locale(obj):
    return list(type(obj).objects.filter(translation_key=obj.translation_key))


def paths(received):
    return {path for _host, path in received}


def test_publishing_a_chapter_purges_it_and_its_strategy_in_every_language(cdn, django_capture_on_commit_callbacks):
    chapter = sv(ChapterPage).get(slug="bilaga-2-kontaktuppgifter")
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    purged = paths(cdn)
    for translation in in_every_locale(chapter):
        assert translation.url in purged
        assert f"/api/v3/pages/{translation.pk}/" in purged
    for strategy in in_every_locale(sv(StrategyPage).get()):
        assert strategy.url in purged and strategy.url + "hela-strategin/" in purged
        assert f"/api/v3/strategies/{strategy.pk}/" in purged
    # The table of contents of every chapter shows the title.
    assert sv(ChapterPage).get(slug="aktorer").url in purged
    assert {host for host, _path in cdn} == {"localhost"}


def test_a_contact_purges_the_pages_and_documents_that_show_it_and_its_collection(
    cdn, django_capture_on_commit_callbacks
):
    kast = sv(Contact).get(name="KAST")
    kast.description = "Ny beskrivning"
    with django_capture_on_commit_callbacks(execute=True):
        kast.save_revision().publish()
    purged = paths(cdn)
    for page in in_every_locale(sv(ChapterPage).get(slug="bilaga-2-kontaktuppgifter")):
        assert page.url in purged
    for strategy in in_every_locale(sv(StrategyPage).get()):
        assert f"/api/v3/strategies/{strategy.pk}/" in purged
    for contact in in_every_locale(kast):
        assert f"/api/v3/contacts/{contact.pk}/" in purged
    assert {"/api/v3/contacts/", "/api/v3/contacts/?locale=en"} <= purged


def test_an_emergency_banner_contact_purges_every_page(cdn, django_capture_on_commit_callbacks):
    police = sv(Contact).get(phone="114 14", in_emergency_banner=True)
    with django_capture_on_commit_callbacks(execute=True):
        police.save_revision().publish()
    purged = paths(cdn)
    for code in ("sv", "en", "fi", "ar"):
        assert f"/{code}/" in purged
    assert sv(ChapterPage).get(slug="aktorer").url in purged


def test_unpublishing_purges_the_page_that_is_gone(cdn, django_capture_on_commit_callbacks):
    chapter = sv(ChapterPage).get(slug="aktorer")
    url = chapter.url
    with django_capture_on_commit_callbacks(execute=True):
        chapter.unpublish()
    assert url in paths(cdn)


def test_without_a_cdn_nothing_is_sent(settings, django_capture_on_commit_callbacks):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    with django_capture_on_commit_callbacks() as callbacks:
        sv(ChapterPage).get(slug="aktorer").save_revision().publish()
    assert [c for c in callbacks if "purge" in getattr(c, "__qualname__", "")] == []
