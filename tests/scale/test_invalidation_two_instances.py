"""Two production instances on one PostgreSQL and one Redis: a publish through instance A renews in
instance B every answer that shows the chapter, and leaves B's answers that do not show it cached."""

import json
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
    with two_instances(production_env(tmp_path_factory.mktemp("static"), DATABASE, 5), DATABASE) as running:
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
