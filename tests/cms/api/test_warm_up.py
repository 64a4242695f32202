"""After a publish, the answers it renewed that readers have asked for are rendered again into the
cache: strategy documents first, under the new versions before readers are switched to them, for a
bounded time; what that leaves, by a background task, a bounded number per run, one task for a burst
of publishes. Readers elsewhere keep the previous answer until the switch, then get the new one warm."""

import logging
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from cms.caching import versions
from cms.caching.reach import default_site_url
from cms.caching.warm import warm
from tests.elsewhere import elsewhere
from tests.factories import translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warming(settings):
    settings.PUBLIC_PAGE_CACHE = True
    settings.CACHE_WARM = True
    cache.clear()


@pytest.fixture
def client(client):
    # Readers come to the site's public address, where the warm-up renders the answers.
    client.defaults["HTTP_HOST"] = urlsplit(default_site_url()).netloc
    return client


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def warm_up_tasks():
    return DBTaskResult.objects.filter(task_path=f"{warm.module_path}").count()


def test_readers_elsewhere_keep_the_previous_answer_until_the_switch_then_get_the_new_one_warm(
    client, built, django_capture_on_commit_callbacks
):
    strategy, chapter = built.strategy, built.work
    document = f"/api/v3/strategies/{strategy.pk}/"
    for path in (document, chapter.url):
        elsewhere(client.get, path)

    with django_capture_on_commit_callbacks(execute=True):
        chapter.title = "Nytt namn"
        chapter.save_revision().publish()
        # Not committed: readers elsewhere are served what was true, from the cache.
        before_commit = elsewhere(client.get, chapter.url)
        assert before_commit["X-Cache"] == "hit"
        assert "Nytt namn" not in before_commit.content.decode()

    for path in (document, chapter.url):
        response = elsewhere(client.get, path)
        assert response["X-Cache"] == "hit", path
        assert "Nytt namn" in response.content.decode(), path
    assert elsewhere(queries, client, chapter.url) == 0
    # Everything readers asked for was rendered before the switch: nothing is left for the warm-up.
    assert warm_up_tasks() == 0


def test_a_burst_of_publishes_queues_one_warm_up_that_renders_every_renewed_answer(
    client, built, settings, django_capture_on_commit_callbacks
):
    # No time to render before the switch: everything is left to the background warm-up.
    settings.PUBLISH_RENDER_SECONDS = 0
    strategy, chapters = built.strategy, [built.background, built.region, built.work]
    document = f"/api/v3/strategies/{strategy.pk}/"
    for path in (document, *(chapter.url for chapter in chapters)):
        client.get(path)

    with django_capture_on_commit_callbacks(execute=True):
        for number, chapter in enumerate(chapters):
            chapter.title = f"Kapitel {number}"
            chapter.save_revision().publish()

    assert warm_up_tasks() == 1
    warm.call()
    # The first reader after the publishes is served from the cache, and sees them.
    assert queries(client, document) == 0
    for number, chapter in enumerate(chapters):
        assert queries(client, chapter.url) == 0, chapter.slug
        assert f"<h1>Kapitel {number}</h1>" in client.get(chapter.url).content.decode()

    # The next publish queues the next warm-up.
    with django_capture_on_commit_callbacks(execute=True):
        chapters[0].save_revision().publish()
    assert warm_up_tasks() == 2


def test_strategy_documents_are_rendered_first_and_the_work_is_bounded(
    client, built, settings, django_capture_on_commit_callbacks
):
    settings.CACHE_WARM_LIMIT = 1
    strategy, chapter = built.strategy, built.work
    document = f"/api/v3/strategies/{strategy.pk}/"
    for path in (chapter.url, document):
        client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()

    # The publish rendered one answer, the document; the warm-up renders the chapter page it left.
    assert queries(client, document) == 0
    assert warm_up_tasks() == 1
    assert warm.call() == 1
    assert queries(client, chapter.url) == 0


def test_only_answers_readers_have_asked_for_are_rendered(client, built, django_capture_on_commit_callbacks):
    """A chapter's publish renews hundreds of answers (every page of the strategy in four languages,
    in HTML and the API); the publish renders the few that readers read, not all of them."""
    strategy, chapter = built.strategy, built.work
    arabic = translate(strategy, "ar")
    # An Arabic address, percent-encoded as readers ask for it.
    whole_in_arabic = arabic.url + arabic.whole_strategy_path
    assert "%D8" in whole_in_arabic
    read = [chapter.url, whole_in_arabic, f"/api/v3/pages/{chapter.pk}/"]
    for path in read:
        assert client.get(path)["X-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()

    for path in read:
        assert client.get(path)["X-Cache"] == "hit", path
    unread = f"/api/v3/strategies/{strategy.pk}/"
    assert client.get(unread)["X-Cache"] == "miss"


def test_a_scope_another_change_switched_meanwhile_is_not_given_this_changes_renders(built):
    """Two publishes render at once; the one switching last may have rendered before the other's
    commit, so where the other switched first, its own renders must not be shared."""
    chapter, other = built.work, built.region
    switch = versions.Switch({chapter.url, other.url}, set())
    before = switch.shared()
    theirs = ("their-version", versions.fresh()[1])
    other_scope = versions.scope_key(versions.scope_of(other.url))
    cache.set(other_scope, theirs, timeout=None)
    switch.switch(before)
    shared = switch.shared()
    mine = versions.scope_key(versions.scope_of(chapter.url))
    assert shared[mine] == switch.versions[mine]
    assert shared[other_scope] not in (theirs, switch.versions[other_scope])


def test_a_transaction_of_many_changes_renders_and_switches_once(client, built, caplog):
    """A content load publishes hundreds of pages and snippets in one transaction; rendering what
    readers read after each of them made the load take minutes."""
    chapters = [built.background, built.region, built.work]
    for chapter in chapters:
        client.get(chapter.url)
    with transaction.atomic():
        queued = len(connection.run_on_commit)
        for number, chapter in enumerate(chapters):
            chapter.title = f"Kapitel {number}"
            chapter.save_revision().publish()
        # As Django runs a commit's callbacks: all dequeued, then called in order.
        callbacks = connection.run_on_commit[queued:]
        del connection.run_on_commit[queued:]
    with caplog.at_level(logging.INFO, logger="cms.caching.warm"):
        for _sids, callback, _robust in callbacks:
            callback()
    assert len(callbacks) >= len(chapters)
    assert [record.getMessage() for record in caplog.records] == [
        f"Rendered {len(chapters)} of the {len(chapters)} renewed answers readers have asked for before the switch"
    ]
    for number, chapter in enumerate(chapters):
        response = client.get(chapter.url)
        assert response["X-Cache"] == "hit"
        assert f"<h1>Kapitel {number}</h1>" in response.content.decode()
