"""The municipality's website keeps the contacts it shows from our webhooks: when an approver makes a
chapter private in the admin, the contact only that chapter showed must leave the website with it, and
come back when the chapter is public again. A receiver on loopback stands for the website; it checks
each signature with the Standard Webhooks reference library, as the website's code does."""

import json
import subprocess
import sys
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler

import pytest
from standardwebhooks.webhooks import Webhook

from tests.loopback import serving

from .conftest import ROOT

pytestmark = pytest.mark.browser

SETUP = """
import json
from pages.models import StrategyPage
from tests.factories import ChapterPageFactory, ContactFactory, publish
from webhooks.models import Endpoint

strategy = StrategyPage.objects.get(locale__language_code="sv")
contact = publish(ContactFactory(name="Nattjouren", phone="0910-12 34 56"))
chapter = publish(ChapterPageFactory(
    parent=strategy, title="Stöd på natten", slug="stod-pa-natten", body=[("contacts", {"contacts": [contact]})]
))
endpoint = Endpoint.objects.create(name="Kommunens webbplats", url="http://127.0.0.1:%d/hook")
print(json.dumps({"chapter": chapter.pk, "contact": contact.pk, "secret": endpoint.secret}))
"""


class Website(BaseHTTPRequestHandler):
    secret = ""
    events = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Website.events.append(Webhook(Website.secret).verify(body, dict(self.headers)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def deliver(server_env):
    """The webhook worker, as it runs beside the web server, until nothing waits."""
    worker = [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--batch", "--no-startup-delay"]
    env = {**server_env, "WEBHOOKS_ALLOW_PRIVATE_ADDRESSES": "1"}
    subprocess.run(worker, env=env, cwd=ROOT, check=True, capture_output=True)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10):  # noqa: S310 (loopback)
            return 200
    except urllib.error.HTTPError as error:
        return error.code


def set_privacy(page, choice, password=None):
    """The approver's way: the page's status panel (opened once), "Ändra sekretess", a choice, "Spara"."""
    status_panel = page.get_by_role("button", name="Status")
    if status_panel.get_attribute("aria-expanded") != "true":
        status_panel.click()
    page.get_by_role("button", name="Ändra sekretess").filter(visible=True).first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label(choice).check()
    if password:
        dialog.get_by_label("Delat lösenord", exact=True).fill(password)
    dialog.get_by_role("button", name="Spara").click()
    dialog.wait_for(state="hidden")


def test_a_contact_leaves_the_website_with_the_only_chapter_that_showed_it(login, server, server_env, server_shell):
    Website.events = []
    with serving(Website) as website:
        made = json.loads(server_shell(SETUP % website.server_address[1]).strip().splitlines()[-1])
        Website.secret = made["secret"]
        contact_api = f"{server}/api/v3/contacts/{made['contact']}/"
        try:
            approver = login("granskare")
            approver.goto(f"{server}/admin/pages/{made['chapter']}/edit/")
            set_privacy(approver, "Privat, åtkomlig med ett delat lösenord", password="bara-internt")
            deliver(server_env)
            assert [(event["type"], event["id"]) for event in Website.events] == [
                ("page.unpublished", made["chapter"]),
                ("snippet.unpublished", made["contact"]),
            ]
            assert Website.events[1]["urls"]["api"].endswith(f"/api/v3/contacts/{made['contact']}/")
            # What the event said, the API says: the contact is gone for the public.
            assert status(contact_api) == 404

            Website.events.clear()
            set_privacy(approver, "Publik")
            deliver(server_env)
            assert [(event["type"], event["id"]) for event in Website.events] == [
                ("page.published", made["chapter"]),
                ("snippet.published", made["contact"]),
            ]
            assert status(contact_api) == 200
        finally:
            server_shell("from webhooks.models import Endpoint; Endpoint.objects.update(active=False)")
