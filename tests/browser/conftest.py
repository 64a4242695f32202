"""A real server on loopback, with the strategy loaded, and Debian's Chromium driven by Playwright."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests import loaded_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling out, which this machine refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
USERS = {"kommunikator": "Kommunikatörer", "granskare": "Granskare", "oversattare": "Översättare"}
PASSWORD = "browser-test-pw"


def public_text(server, path):
    """A public page or API answer as the site serves it, over real HTTP."""
    with urllib.request.urlopen(f"{server}{path}", timeout=10) as response:  # noqa: S310 (loopback)
        return response.read().decode()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    database = tmp_path_factory.mktemp("browser") / "site.sqlite3"
    shutil.copyfile(loaded_database.sqlite_file(), database)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    create_users = "; ".join(
        [
            "from django.contrib.auth import get_user_model",
            "from django.contrib.auth.models import Group",
            *[
                f"u = get_user_model().objects.create_user({name!r}, password={PASSWORD!r}, "
                f"first_name={name.capitalize()!r}, last_name='Test'); "
                f"u.groups.add(Group.objects.get(name={group!r}))"
                for name, group in USERS.items()
            ],
        ]
    )
    subprocess.run([*manage, "shell", "-c", create_users], env=env, check=True, cwd=ROOT)
    port = free_port()
    process = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # Starting takes seconds on an idle machine and can take a minute or more on a busy one.
    deadline = time.monotonic() + 300
    while True:
        try:
            urllib.request.urlopen(f"{base}/sv/", timeout=10)  # noqa: S310 (loopback)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def login(browser, server):
    contexts = []

    def as_user(username, locale="sv-SE"):
        context = browser.new_context(locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{server}/admin/")
        return page

    yield as_user
    for context in contexts:
        context.close()
