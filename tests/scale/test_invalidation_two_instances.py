"""Two production instances on one PostgreSQL and one Redis: a publish through instance A renews in
instance B every answer that shows the chapter, and leaves B's answers that do not show it cached."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from urllib.parse import urlsplit

import pytest

from .conftest import CHAPTER, chapter_id, database_name, production_env, request, two_instances

# One worker runs the whole module (make test: --dist loadgroup spreads ungrouped tests one by one):
# its fixture starts the instances and copies, then drops, the one database they share.
pytestmark = [pytest.mark.postgresql, pytest.mark.xdist_group("invalidation_two_instances")]

DATABASE = database_name("strategi_invalidation_two_instances")
STRATEGY = CHAPTER.rsplit("/", 2)[0] + "/"


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    env = production_env(tmp_path_factory.mktemp("static"), DATABASE, 5)
    # Longer than any render on a busy machine: the second instance waits for the first's render.
    env["RENDER_WAIT_SECONDS"] = "20"
    with two_instances(env, DATABASE) as running:
        yield running


def test_a_publish_renews_what_shows_the_chapter_in_the_other_instance_and_nothing_else(instances):
    (a, b), token = instances
    page_id = chapter_id(b)
    status, body, _headers = request(f"{b}/api/v3/pages/?locale=sv&type=pages.AccessibilityStatementPage")
    statement = json.loads(body)["items"][0]
    status, body, _headers = request(f"{b}/api/v3/strategies/?locale=sv")
    document = f"/api/v3/strategies/{json.loads(body)['items'][0]['id']}/"
    affected = [CHAPTER, STRATEGY, f"/api/v3/pages/{page_id}/", document]
    unrelated = [
        urlsplit(statement["meta"]["html_url"]).path,
        f"/api/v3/pages/{statement['id']}/",
        "/api/v3/resources/",
    ]
    # The actors the chapter chooses are public because a live public page shows them: renewed too.
    chosen = ["/api/v3/actors/"]
    for path in affected + unrelated + chosen:  # B has answered, and cached, each of them
        request(f"{b}{path}")
        assert request(f"{b}{path}")[2]["X-Cache"] == "hit", path

    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/", "PATCH", token, {"title": "Aktörer i länet"})
    assert status == 200, body
    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/actions/publish/", "POST", token, {})
    assert status in (200, 202), body

    for path in affected:  # the chapter's page, the strategy's table of contents, its API answers
        status, body, headers = request(f"{b}{path}")
        assert status == 200 and "Aktörer i länet" in body, path
    for path in unrelated:
        status, _body, headers = request(f"{b}{path}")
        assert status == 200 and headers["X-Cache"] == "hit", path
    for path in chosen:
        status, _body, headers = request(f"{b}{path}")
        assert status == 200 and headers["X-Cache"] == "miss", path


def test_readers_of_both_instances_after_a_publish_get_one_render_and_the_new_title(instances):
    """After a publish every reader asks for the renewed pages at once; the second instance waits for
    the first's render instead of rendering the same page again (cms/caching/single_render.py).
    Readers come through one public address, as behind the proxy: both instances cache under its name."""
    (a, b), token = instances
    page_id = chapter_id(a)
    renewed = [CHAPTER, STRATEGY, f"/api/v3/pages/{page_id}/"]
    for path in renewed:
        request(f"{a}{path}", host="127.0.0.1")
    status, body, _headers = request(
        f"{a}/api/v3/pages/{page_id}/", "PATCH", token, {"title": "Aktörer i Västerbotten"}
    )
    assert status == 200, body
    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/actions/publish/", "POST", token, {})
    assert status in (200, 202), body

    for path in renewed:
        start = threading.Barrier(4)
        with ThreadPoolExecutor(4) as readers:
            answers = list(readers.map(partial(read_at_once, start, path), [a, b, a, b]))
        assert all(status == 200 and "Aktörer i Västerbotten" in body for status, body, _h in answers), path
        assert [headers["X-Cache"] for _s, _b, headers in answers].count("miss") == 1, path


def read_at_once(start, path, base):
    """A reader behind the proxy, let go at the same moment as the others."""
    start.wait()
    return request(f"{base}{path}", host="127.0.0.1")
