"""One render per renewed answer (cms/caching/single_render.py): a reader who misses an answer another
process is rendering waits for that render, never longer than RENDER_WAIT_SECONDS, and not at all once
the other render has finished without storing anything. Across two instances: tests/scale."""

import threading
import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from cms.caching.single_render import lock_of, rendered_elsewhere
from cms.caching.versions import answer_key

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE = True
    settings.RENDER_WAIT_SECONDS = 2


def another_process_renders(key, seconds, answer=None):
    """Holds the render of `key` as another process would, for `seconds`, then stores `answer` (if any)."""
    cache.add(lock_of(key), True, timeout=60)

    def finish():
        time.sleep(seconds)
        if answer is not None:
            cache.set(key, answer)
        cache.delete(lock_of(key))

    thread = threading.Thread(target=finish)
    thread.start()
    return thread


def test_a_reader_arriving_during_another_render_is_served_that_render(client, built):
    path = built.work.url
    key = answer_key("page-response", RequestFactory().get(path), path)
    rendered = another_process_renders(key, 0.2, (b"<h1>Renderad av den andra processen</h1>", []))
    response = client.get(path)
    rendered.join()
    assert response["X-Cache"] == "hit"
    assert response.content == b"<h1>Renderad av den andra processen</h1>"


def test_a_reader_renders_at_once_when_the_other_render_stored_nothing(client, built, settings):
    # A wait far longer than any render: a reader who waited it out could not pass for one who did not.
    settings.RENDER_WAIT_SECONDS = 30
    path = built.work.url
    key = answer_key("page-response", RequestFactory().get(path), path)
    rendered = another_process_renders(key, 0.1)
    started = time.monotonic()
    response = client.get(path)
    waited = time.monotonic() - started
    rendered.join()
    assert response["X-Cache"] == "miss" and built.work.title in response.content.decode()
    assert waited < 10, "waited for a render that had ended"


def test_a_render_that_never_ends_holds_a_reader_no_longer_than_the_wait(settings):
    settings.RENDER_WAIT_SECONDS = 0.3
    cache.add(lock_of("page-response:stuck"), True, timeout=60)
    started = time.monotonic()
    assert rendered_elsewhere("page-response:stuck") is None
    assert 0.3 <= time.monotonic() - started < 5


@pytest.mark.parametrize("path", ["/sv/finns-inte/", "/api/v3/pages/999999/"])
def test_an_answer_not_stored_leaves_no_reader_waiting(client, path, settings):
    """Not-found answers are never stored: the next reader must not wait out a render that has ended."""
    settings.RENDER_WAIT_SECONDS = 30
    client.get(path)
    started = time.monotonic()
    assert client.get(path).status_code == 404
    assert time.monotonic() - started < 10
    # Locmem's own store: the test cache has no way to list keys.
    assert not [key for key in cache._cache if key.endswith(":rendering")]
