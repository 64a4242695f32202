"""Two production instances on one PostgreSQL and one Redis: a publish through instance A renews in
instance B every answer that shows the chapter, and leaves B's answers that do not show it cached."""

import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests import loaded_database
from tests.browser.conftest import free_port
from tests.scale.test_two_instances import CHAPTER, SERVER, chapter_id
from tests.scale.test_two_instances import request as plain_request

pytestmark = pytest.mark.postgresql

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "strategi_invalidation_two_instances"
STRATEGY = CHAPTER.rsplit("/", 2)[0] + "/"


def request(url, method="GET", token=None, body=None):
    """(status, body, headers) of one request."""
    import urllib.error
    import urllib.request

    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if method != "GET":
        status, text = plain_request(url, method, token, body)
        return status, text, {}
    req = urllib.request.Request(url, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
    }
    loaded_database.copy_postgres(os.environ["DATABASE_URL"], DATABASE)
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "collectstatic", "--noinput"], **quiet)
    make_token = (
        "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
        "u = get_user_model().objects.create_superuser('ops', 'ops@example.invalid', None); "
        "print(APIToken.create_token(user=u, name='two instances')[1])"
    )
    shell = subprocess.run([*manage, "shell", "-c", make_token], env=env, cwd=ROOT, check=True, capture_output=True)
    token = shell.stdout.decode().split()[-1]
    subprocess.run([*manage, "shell", "-c", "from django.core.cache import cache; cache.clear()"], **quiet)

    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"]
        processes.append(subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.DEVNULL))
        bases.append(f"http://127.0.0.1:{port}")
    for base in bases:
        for _ in range(150):
            try:
                if request(f"{base}{CHAPTER}")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.2)
    yield bases, token
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


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

    status, body = plain_request(f"{a}/api/v3/pages/{page_id}/", "PATCH", token, {"title": "Aktörer i länet"})
    assert status == 200, body
    status, body = plain_request(f"{a}/api/v3/pages/{page_id}/actions/publish/", "POST", token, {})
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
