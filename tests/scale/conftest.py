"""Two app instances with production settings (gunicorn, one worker each) sharing one PostgreSQL
database, a copy of the loaded strategy, and one Redis database."""

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from tests import loaded_database
from tests.browser.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVER = "postgres://postgres@127.0.0.1:5432"
CHAPTER = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/aktorer/"
MANAGE = [sys.executable, str(ROOT / "manage.py")]


def request(url, method="GET", token=None, body=None, host=None):
    """(status, body, headers) of one request; `host`: the Host it names, as a proxy in front sends it."""
    headers = {"Content-Type": "application/json", **({"Host": host} if host else {})}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def production_env(static_root, database, redis_db):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{SERVER}/{database}",
        "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
        "STATIC_ROOT": str(static_root),
    }


def database_name(name):
    """`name` for this run: another checkout's run on the same server copies and drops its own."""
    return f"{name}_{urlsplit(os.environ.get('DATABASE_URL', '')).path.strip('/')}"


@contextmanager
def two_instances(env, database):
    """([base URL of A, of B], an editor's API token), on a fresh copy of the loaded strategy."""
    loaded_database.copy_postgres(os.environ["DATABASE_URL"], database)
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*MANAGE, "collectstatic", "--noinput"], **quiet)
    make_token = (
        "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
        "u = get_user_model().objects.create_superuser('ops', 'ops@example.invalid', None); "
        "print(APIToken.create_token(user=u, name='two instances')[1])"
    )
    shell = subprocess.run([*MANAGE, "shell", "-c", make_token], env=env, cwd=ROOT, check=True, capture_output=True)
    token = shell.stdout.decode().split()[-1]
    subprocess.run([*MANAGE, "shell", "-c", "from django.core.cache import cache; cache.clear()"], **quiet)

    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"]
        processes.append(subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.DEVNULL))
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            for _ in range(150):
                try:
                    if request(f"{base}{CHAPTER}")[0] == 200:
                        break
                except OSError:
                    pass
                time.sleep(0.2)
        yield bases, token
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def chapter_id(base):
    status, body, _headers = request(f"{base}/api/v3/pages/?slug=aktorer&locale=sv")
    assert status == 200
    return json.loads(body)["items"][0]["id"]
