"""Publish webhooks: a loopback receiver records what it is sent; the worker is Django's task worker."""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv
from tests.factories import ChapterPageFactory
from webhooks import delivery as delivery_module
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    received = []
    fail_first = 0

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.headers, body))
        failing = len(self.received) <= Receiver.fail_first
        self.send_response(500 if failing else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Receiver.received, Receiver.fail_first = [], 0
    endpoint = Endpoint.objects.create(name="Intranätet", url=f"http://127.0.0.1:{server.server_address[1]}/hook")
    yield endpoint, Receiver
    server.shutdown()


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes stale connections between tasks; in process, inside the test's transaction,
    that would close the test's own connection (PostgreSQL), so it keeps it."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", "--backend", "webhooks", "--batch", "--no-startup-delay", verbosity=0)


def test_a_publish_is_delivered_signed_after_the_commit_by_the_worker(receiver, django_capture_on_commit_callbacks):
    endpoint, received = receiver
    chapter = sv(ChapterPage).get(slug="aktorer")
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    # Publishing only queued the delivery: nothing has been sent yet.
    assert received.received == []
    assert Delivery.objects.get().status == Delivery.Status.PENDING

    run_worker()
    [(headers, body)] = received.received
    expected = hmac.new(endpoint.secret.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Signature-SHA256"], expected)
    event = json.loads(body)
    assert (event["type"], event["id"], event["locale"]) == ("page.published", chapter.pk, "sv")
    assert event["urls"]["html"] == chapter.full_url
    assert event["urls"]["api"].endswith(f"/api/v3/pages/{chapter.pk}/")
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 204)


def test_a_failing_receiver_is_retried_and_the_log_shows_it(receiver, django_capture_on_commit_callbacks, monkeypatch):
    _endpoint, received = receiver
    received.fail_first = 2
    # The backoff is minutes in production; here the retries are due at once.
    monkeypatch.setattr(delivery_module, "RETRY_DELAYS", [timedelta(0)] * 4)
    contact = sv(Contact).get(name="KAST")
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()
    for _ in range(3):
        run_worker()
    delivery = Delivery.objects.get()
    assert len(received.received) == 3
    assert (delivery.status, delivery.attempts) == ("delivered", 3)
    assert json.loads(received.received[-1][1])["type"] == "snippet.published"


def test_a_receiver_that_never_answers_well_ends_as_failed(receiver, django_capture_on_commit_callbacks, monkeypatch):
    _endpoint, received = receiver
    received.fail_first = 100
    monkeypatch.setattr(delivery_module, "RETRY_DELAYS", [timedelta(0)] * 2)
    with django_capture_on_commit_callbacks(execute=True):
        sv(StrategyPage).get().save_revision().publish()
    for _ in range(5):
        run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("failed", 3, 500)
    assert "HTTP 500" in delivery.error


def test_unpublish_and_delete_are_events_too(receiver, django_capture_on_commit_callbacks):
    page = ChapterPageFactory(parent=sv(StrategyPage).get(), title="Tillfällig")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        page.delete()
    assert list(Delivery.objects.order_by("pk").values_list("event", flat=True)) == ["page.unpublished", "page.deleted"]


def test_inactive_endpoints_get_nothing(receiver, django_capture_on_commit_callbacks):
    endpoint, _received = receiver
    endpoint.active = False
    endpoint.save()
    with django_capture_on_commit_callbacks(execute=True):
        sv(ChapterPage).get(slug="aktorer").save_revision().publish()
    assert Delivery.objects.count() == 0


def test_administrators_manage_endpoints_and_read_the_log(admin_client, receiver):
    endpoint, _received = receiver
    Delivery.objects.create(endpoint=endpoint, event="page.published", payload={"type": "page.published"})
    assert admin_client.get("/admin/webhook_endpoints/").status_code == 200
    log = admin_client.get("/admin/webhook_deliveries/")
    assert log.status_code == 200 and "page.published" in log.content.decode()
    assert admin_client.get("/admin/webhook_deliveries/new/").status_code in (403, 404, 302)
