"""Two app instances with production settings share one PostgreSQL and one Redis: a publish through
instance A is what instance B serves on the next request, in its API and its HTML."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

from tests import loaded_database
from tests.browser.conftest import free_port

pytestmark = pytest.mark.postgresql

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "strategi_two_instances"
SERVER = "postgres://postgres@127.0.0.1:5432"
CHAPTER = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/aktorer/"


def request(url, method="GET", token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
    }


@pytest.fixture(scope="module")
def instances(production_env):
    # The strategy as every test starts from it, copied on the server (tests/loaded_database.py).
    loaded_database.copy_postgres(os.environ["DATABASE_URL"], DATABASE)
    env = production_env
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


def chapter_id(base):
    status, body = request(f"{base}/api/v3/pages/?slug=aktorer&locale=sv")
    assert status == 200
    return json.loads(body)["items"][0]["id"]


def test_a_publish_through_one_instance_is_served_by_the_other(instances):
    (a, b), token = instances
    page_id = chapter_id(b)
    # B has answered, and cached, the old version.
    assert json.loads(request(f"{b}/api/v3/pages/{page_id}/")[1])["title"] == "Aktörer"
    assert "<h1>Aktörer</h1>" in request(f"{b}{CHAPTER}")[1]

    status, body = request(f"{a}/api/v3/pages/{page_id}/", "PATCH", token, {"title": "Aktörer i nätverket"})
    assert status == 200, body
    status, body = request(f"{a}/api/v3/pages/{page_id}/actions/publish/", "POST", token, {})
    assert status in (200, 202), body

    assert json.loads(request(f"{b}/api/v3/pages/{page_id}/")[1])["title"] == "Aktörer i nätverket"
    assert "<h1>Aktörer i nätverket</h1>" in request(f"{b}{CHAPTER}")[1]

    status, body = request(f"{a}/api/v3/pages/{page_id}/actions/unpublish/", "POST", token, {})
    assert status in (200, 202), body
    assert request(f"{b}/api/v3/pages/{page_id}/")[0] == 404
    assert request(f"{b}{CHAPTER}")[0] == 404


def test_changes_made_by_other_processes_are_served_by_both(instances, production_env):
    """A scheduled expiry (`publish_scheduled`, run from cron) and a view restriction added in a
    shell happen in processes that serve no request: both instances must still see them at once."""
    (a, b), _token = instances
    manage = [sys.executable, str(ROOT / "manage.py")]
    _status, body = request(f"{a}/api/v3/pages/?locale=sv&type=pages.ChapterPage&limit=20")
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
    subprocess.run([*manage, "shell", "-c", expire], env=production_env, cwd=ROOT, check=True)
    subprocess.run([*manage, "publish_scheduled"], env=production_env, cwd=ROOT, check=True)
    restrict = (
        "from wagtail.models import PageViewRestriction; "
        f"PageViewRestriction.objects.create(page_id={restricted['id']}, restriction_type='login')"
    )
    subprocess.run([*manage, "shell", "-c", restrict], env=production_env, cwd=ROOT, check=True)

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
