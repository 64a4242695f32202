"""A real server on loopback, with the strategy loaded, and Debian's Chromium driven by Playwright.

The server's log goes to a file; every browser test ends by checking that the server answered no
request with a 5xx and logged no traceback meanwhile, and the session ends by checking the whole log.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import loaded_database

ROOT = Path(__file__).resolve().parents[2]
# Chromium's headless shell (Debian's chromium-headless-shell), what Playwright itself runs for headless tests:
# the same Blink and V8 as the browser, without its UI layers. The full browser took twice the suite's time
# (102 browser tests: 6:13 against 2:58 on 2 cores), most of it Chromium's own CPU.
CHROMIUM = "/usr/bin/chromium-headless-shell"
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
# runserver logs '"GET /path HTTP/1.1" 500 1234'; Django logs "Internal Server Error: /path" and the traceback.
SERVER_ERROR = re.compile(r'" 5\d\d \d|Internal Server Error|Traceback \(most recent call last\)')
# Wagtail's w-unsaved controller snapshots its form two seconds after it connects and announces it with
# watch-edits; an edit typed before the snapshot is part of it, so autosave never sees a change. On a
# page's edit form it connects twice (w-init leaving the form reconnects it), and each connection
# takes its own snapshot, so the form is watched once it has announced as many snapshots as connections.
NOTE_WATCHING_EDITS = """
const count = (name) => (event) => { event.target.dataset[name] = Number(event.target.dataset[name] || 0) + 1 };
document.addEventListener('w-unsaved:ready', count('unsavedConnections'));
document.addEventListener('w-unsaved:watch-edits', count('unsavedSnapshots'));
"""
ALL_WATCHING_EDITS = """() => {
    const forms = [...document.querySelectorAll('[data-unsaved-connections]')];
    return forms.length > 0 && forms.every(
        (form) => Number(form.dataset.unsavedSnapshots || 0) >= Number(form.dataset.unsavedConnections)
    );
}"""
AUTOSAVED = "#w-autosave-indicator[data-w-autosave-state-value=saved]"


class ServerLog:
    """The server's log, read on from where the last check stopped."""

    def __init__(self, path):
        self.path = path
        self.read_up_to = 0

    def new_errors(self):
        data = self.path.read_bytes() if self.path.exists() else b""
        new, self.read_up_to = data[self.read_up_to :], len(data)
        return [line for line in new.decode(errors="replace").splitlines() if SERVER_ERROR.search(line)]


def public_text(server, path):
    """A public page or API answer as the site serves it, over real HTTP."""
    with urllib.request.urlopen(f"{server}{path}", timeout=10) as response:  # noqa: S310 (loopback)
        return response.read().decode()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_log(tmp_path_factory):
    return ServerLog(tmp_path_factory.mktemp("server-log") / "server.log")


@pytest.fixture(scope="session")
def server_env(tmp_path_factory):
    database = tmp_path_factory.mktemp("browser") / "site.sqlite3"
    shutil.copyfile(loaded_database.sqlite_file(), database)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.settings",
        "PYTHONUNBUFFERED": "1",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }


@pytest.fixture(scope="session")
def server_shell(server, server_env):
    """Python run in `manage.py shell` against the server's database: to set up what a journey starts from."""

    def run(code):
        manage = [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code]
        return subprocess.run(manage, env=server_env, check=True, cwd=ROOT, capture_output=True, text=True).stdout

    return run


@contextmanager
def serving(env, log, setup=""):
    """`manage.py runserver` on a free loopback port with these settings, the three editors created and
    `setup` run first (Python, in `manage.py shell`, with `port` defined); its base URL."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    port = free_port()
    create_users = "; ".join(
        [
            "from django.contrib.auth import get_user_model",
            "from django.contrib.auth.models import Group",
            *[
                f"u = get_user_model().objects.create_user({name!r}, {name + '@example.invalid'!r}, {PASSWORD!r}, "
                f"first_name={name.capitalize()!r}, last_name='Test'); "
                f"u.groups.add(Group.objects.get(name={group!r}))"
                for name, group in USERS.items()
            ],
        ]
    )
    subprocess.run([*manage, "shell", "-c", f"port = {port}; {create_users}\n{setup}"], env=env, check=True, cwd=ROOT)
    output = log.path.open("wb")
    process = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=output,
        stderr=subprocess.STDOUT,
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
            assert process.poll() is None, log.path.read_text(errors="replace")  # it will not start
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        output.close()
    # The lines of the last requests, written after their tests had ended.
    assert log.new_errors() == [], f"the server failed; its log is {log.path}"


@pytest.fixture(scope="session")
def server(server_env, server_log):
    with serving(server_env, server_log) as base:
        yield base


@pytest.fixture(autouse=True)
def no_server_errors(request):
    """A browser test fails if the server answered any request with a 5xx while it ran."""
    if "server" not in request.fixturenames:
        yield
        return
    log = request.getfixturevalue("server_log")
    # runserver writes a request's line after the answer has gone: an earlier test's last lines may come late.
    earlier = log.new_errors()
    yield
    assert earlier + log.new_errors() == [], f"the server failed; its log is {log.path}"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests that read `site_visits` run in one xdist worker (make test: --dist loadgroup), so every
    page is visited once per run rather than once per worker; tryfirst: before xdist reads the groups."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if "site_visits" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("site_visits"))


@pytest.fixture(scope="session")
def site_visits(browser, server):
    """Every public page in every language, visited once and recorded (tests/browser/site_visits.py).
    Taken before the first test that reads it changes anything in the server."""
    from .site_visits import visit_every_page

    return visit_every_page(browser, server)


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

    def as_user(username, locale="sv-SE", at=None):
        """Signed in to the admin of the browser tests' server, or of the one `at` names."""
        base = at or server
        context = browser.new_context(locale=locale)
        context.add_init_script(NOTE_WATCHING_EDITS)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        return page

    yield as_user
    for context in contexts:
        context.close()


def with_axe(context):
    """axe-core in every page the context opens, handed to the browser once as an init script (Axe().run sends
    its 570 kB with each page, a fifth of the visit of every page). The DevTools protocol evaluates it, so
    the site's Content-Security-Policy does not govern it."""
    from axe_playwright_python.sync_playwright import Axe

    context.add_init_script(Axe().axe_script)
    return context


def axe_violations(page):
    """What axe-core finds on the page (of a context `with_axe`), only its violations gathered, as Axe().run asks."""
    return page.evaluate("axe.run(document, {resultTypes: ['violations']}).then((results) => results.violations)")


def wait_until_watching_edits(page):
    """Wait, as a person reading the form would, until Wagtail notices changes (pages from `login`)."""
    page.wait_for_function(ALL_WATCHING_EDITS, timeout=20_000)


def segment_saved(response):
    """wagtail-localize's editor shows a translated segment at once and saves it with a PUT afterwards:
    expect this response before anything that reads the saved translation (a submit)."""
    return response.request.method == "PUT" and "/strings/" in response.url and response.ok


def wait_for_autosave(page):
    page.wait_for_selector(AUTOSAVED, state="attached", timeout=20_000)
