"""Two app instances with production settings share one PostgreSQL and one Redis: a publish through
instance A is what instance B serves on the next request, in its API and its HTML."""

import json
import subprocess
import urllib.request
from urllib.parse import urlsplit

import pytest

from .conftest import CHAPTER, MANAGE, ROOT, chapter_id, database_name, production_env, request, two_instances

# One worker runs the whole module (make test: --dist loadgroup spreads ungrouped tests one by one):
# its fixture starts the instances and copies, then drops, the one database they share.
pytestmark = [pytest.mark.postgresql, pytest.mark.xdist_group("two_instances")]

DATABASE = database_name("strategi_two_instances")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return production_env(tmp_path_factory.mktemp("static"), DATABASE, 14)


@pytest.fixture(scope="module")
def instances(env):
    with two_instances(env, DATABASE) as running:
        yield running


def test_a_publish_through_one_instance_is_served_by_the_other(instances):
    (a, b), token = instances
    page_id = chapter_id(b)
    # B has answered, and cached, the old version.
    assert json.loads(request(f"{b}/api/v3/pages/{page_id}/")[1])["title"] == "Aktörer"
    assert "<h1>Aktörer</h1>" in request(f"{b}{CHAPTER}")[1]

    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/", "PATCH", token, {"title": "Aktörer i nätverket"})
    assert status == 200, body
    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/actions/publish/", "POST", token, {})
    assert status in (200, 202), body

    assert json.loads(request(f"{b}/api/v3/pages/{page_id}/")[1])["title"] == "Aktörer i nätverket"
    assert "<h1>Aktörer i nätverket</h1>" in request(f"{b}{CHAPTER}")[1]

    status, body, _headers = request(f"{a}/api/v3/pages/{page_id}/actions/unpublish/", "POST", token, {})
    assert status in (200, 202), body
    assert request(f"{b}/api/v3/pages/{page_id}/")[0] == 404
    assert request(f"{b}{CHAPTER}")[0] == 404


def test_changes_made_by_other_processes_are_served_by_both(instances, env):
    """A scheduled expiry (`publish_scheduled`, run from cron) and a view restriction added in a
    shell happen in processes that serve no request: both instances must still see them at once."""
    (a, b), _token = instances
    _status, body, _headers = request(f"{a}/api/v3/pages/?locale=sv&type=pages.ChapterPage&limit=20")
    chapters = [item for item in json.loads(body)["items"] if item["meta"]["slug"] != "aktorer"]
    expiring, restricted = chapters[0], chapters[1]
    for base in (a, b):  # cached in both
        for chapter in (expiring, restricted):
            assert request(f"{base}/api/v3/pages/{chapter['id']}/")[0] == 200
            assert request(f"{base}{urlsplit(chapter['meta']['html_url']).path}")[0] == 200

    expire = (
        "from datetime import timedelta; from django.utils import timezone; from wagtail.models import Page; "
        f"Page.objects.filter(pk={expiring['id']}).update(expire_at=timezone.now() - timedelta(minutes=1))"
    )
    subprocess.run([*MANAGE, "shell", "-c", expire], env=env, cwd=ROOT, check=True)
    subprocess.run([*MANAGE, "publish_scheduled"], env=env, cwd=ROOT, check=True)
    restrict = (
        "from wagtail.models import PageViewRestriction; "
        f"PageViewRestriction.objects.create(page_id={restricted['id']}, restriction_type='login')"
    )
    subprocess.run([*MANAGE, "shell", "-c", restrict], env=env, cwd=ROOT, check=True)

    for base in (a, b):
        for chapter in (expiring, restricted):
            assert request(f"{base}/api/v3/pages/{chapter['id']}/")[0] == 404, (base, chapter["meta"]["slug"])
        assert request(f"{base}{urlsplit(expiring['meta']['html_url']).path}")[0] == 404
        # A private page sends the anonymous reader to the login, never the cached public copy.
        assert request(f"{base}{urlsplit(restricted['meta']['html_url']).path}")[0] != 200


def test_static_files_are_served_compressed_with_long_lived_names(instances):
    (a, _b), _token = instances
    html = request(f"{a}/sv/")[1]
    stylesheet = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"
    req = urllib.request.Request(f"{a}{stylesheet}", headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(req, timeout=10) as response:  # noqa: S310 (loopback)
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
