"""Publish webhooks: a loopback receiver verifies and records what it is sent; the worker is Django's task worker.

The receiver checks signatures with the Standard Webhooks reference library, as a consumer would,
and refuses a message id it has already accepted (a replay).
"""

import json
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from standardwebhooks.webhooks import Webhook, WebhookVerificationError
from wagtail.models import PageViewRestriction

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv
from tests.factories import ChapterPageFactory, ContactFactory, publish
from tests.loopback import serving
from webhooks import delivery as delivery_module
from webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    received = []
    fail_first = 0
    secret = ""
    accepted_ids = set()
    refused = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        try:
            Webhook(Receiver.secret).verify(body, dict(self.headers))
            if self.headers["webhook-id"] in Receiver.accepted_ids:
                raise WebhookVerificationError("replayed message id")
        except WebhookVerificationError as error:
            Receiver.refused.append(str(error))
            self.send_response(400)
            self.end_headers()
            return
        self.received.append((self.headers, body))
        failing = len(self.received) <= Receiver.fail_first
        if not failing:
            Receiver.accepted_ids.add(self.headers["webhook-id"])
        self.send_response(500 if failing else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_allowed(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True


@pytest.fixture
def receiver(loopback_allowed):
    Receiver.received, Receiver.fail_first, Receiver.accepted_ids, Receiver.refused = [], 0, set(), []
    with serving(Receiver) as server:
        endpoint = Endpoint(name="Intranätet", url=f"http://127.0.0.1:{server.server_address[1]}/hook")
        endpoint.full_clean()
        endpoint.save()
        Receiver.secret = endpoint.secret
        yield endpoint, Receiver


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
    # The receiver accepted it: the reference verifier found the signature good and the timestamp fresh.
    assert received.refused == []
    [(headers, body)] = received.received
    assert endpoint.secret.startswith("whsec_") and headers["webhook-signature"].startswith("v1,")
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
    unpublished = ChapterPageFactory(parent=sv(StrategyPage).get(), title="Tillfällig")
    deleted = ChapterPageFactory(parent=sv(StrategyPage).get(), title="Borttagen")
    with django_capture_on_commit_callbacks(execute=True):
        unpublished.unpublish()
        # Its withdrawal was announced by the unpublish: the delete of what is no longer public is not.
        unpublished.delete()
        deleted.delete()
    events = Delivery.objects.order_by("pk").values_list("event", "payload__id")
    assert list(events) == [("page.unpublished", unpublished.pk), ("page.deleted", deleted.pk)]


def test_a_replayed_delivery_is_refused_by_the_receiver(receiver, django_capture_on_commit_callbacks):
    endpoint, received = receiver
    with django_capture_on_commit_callbacks(execute=True):
        sv(ChapterPage).get(slug="aktorer").save_revision().publish()
    run_worker()
    [(headers, body)] = received.received

    def send(headers):
        request = urllib.request.Request(endpoint.url, data=body, method="POST", headers=headers)  # noqa: S310
        try:
            return urllib.request.urlopen(request, timeout=5).status  # noqa: S310 (the loopback receiver)
        except urllib.error.HTTPError as error:
            return error.code

    # The same message again, as an attacker who recorded it would send it.
    same = {name: headers[name] for name in ("webhook-id", "webhook-timestamp", "webhook-signature")}
    assert send({**same, "Content-Type": "application/json"}) == 400
    # A new id with the recorded timestamp and signature does not verify.
    assert send({**same, "webhook-id": "msg_other", "Content-Type": "application/json"}) == 400
    # Correctly signed but older than the replay window: refused too.
    old = datetime.now(UTC) - timedelta(minutes=10)
    signature = Webhook(endpoint.secret).sign("msg_old", old, body.decode())
    old_headers = {
        "webhook-id": "msg_old",
        "webhook-timestamp": str(int(old.timestamp())),
        "webhook-signature": signature,
    }
    assert send(old_headers) == 400
    assert received.refused == ["replayed message id", "No matching signature found", "Message timestamp too old"]
    assert len(received.received) == 1


def test_a_snippet_event_names_every_api_answer_that_embeds_it(receiver, django_capture_on_commit_callbacks):
    contact = sv(Contact).get(name="Mikamottagningen")
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()
    changed = Delivery.objects.get().payload["urls"]["api_changed"]
    for strategy in StrategyPage.objects.all():
        assert any(url.endswith(f"/api/v3/strategies/{strategy.pk}/") for url in changed), strategy.locale
    for version in Contact.objects.filter(translation_key=contact.translation_key):
        assert any(url.endswith(f"/api/v3/contacts/{version.pk}/") for url in changed)
    assert any(url.endswith("/api/v3/contacts/?locale=en") for url in changed)


def test_private_pages_and_drafts_are_never_announced(receiver, django_capture_on_commit_callbacks):
    strategy = sv(StrategyPage).get()
    private = ChapterPageFactory(parent=strategy, title="Hemligt kapitel")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    below = ChapterPageFactory(parent=private, title="Hemligt underkapitel", live=False)
    draft = ChapterPageFactory(parent=strategy, title="Hemligt utkast", live=False)
    Delivery.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        below.save_revision().publish()
        private.save_revision().publish()
        private.unpublish()
        draft.delete()
        # A contact only the private page chooses is not announced either.
        internal = Contact.objects.create(name="Intern kontakt", category="support_line", phone="020-61 60 60")
        below.body = [("contacts", {"contacts": [internal]})]
        below.save_revision().publish()
        internal.save_revision().publish()
        private.delete()
    assert not Delivery.objects.exists()


def test_a_page_made_private_is_withdrawn_and_lifting_it_publishes_it_again(
    admin_client, receiver, django_capture_on_commit_callbacks
):
    """Set in the admin's privacy dialog, as an editor does: receivers drop the page and what is
    below it as after an unpublish, without being told the title or address they may no longer see."""
    _endpoint, received = receiver
    chapter = ChapterPageFactory(parent=sv(StrategyPage).get(), title="Snart internt", slug="snart-internt")
    below = ChapterPageFactory(parent=chapter, title="Under det interna", slug="under-det-interna")
    Delivery.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        made_private = admin_client.post(
            f"/admin/pages/{chapter.pk}/privacy/", {"restriction_type": "password", "password": "hemligt"}
        )
    assert made_private.status_code == 200 and PageViewRestriction.objects.filter(page=chapter).exists()
    run_worker()
    assert received.refused == []
    withdrawn = [json.loads(body) for _headers, body in received.received]
    assert sorted((event["type"], event["id"]) for event in withdrawn) == sorted(
        [("page.unpublished", chapter.pk), ("page.unpublished", below.pk)]
    )
    for event in withdrawn:
        assert event["title"] is None and event["urls"]["html"] is None
        assert event["urls"]["api"].endswith(f"/api/v3/pages/{event['id']}/")
    for _headers, body in received.received:
        text = body.decode()
        assert not any(secret in text for secret in ("Snart internt", "Under det interna", "snart-internt", "hemligt"))
    # The API says what the event said: the page is gone for the public.
    assert Client().get(f"/api/v3/pages/{chapter.pk}/").status_code == 404

    received.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifted = admin_client.post(f"/admin/pages/{chapter.pk}/privacy/", {"restriction_type": "none"})
    assert lifted.status_code == 200 and not PageViewRestriction.objects.filter(page=chapter).exists()
    run_worker()
    published = {json.loads(body)["id"]: json.loads(body) for _headers, body in received.received}
    assert {event["type"] for event in published.values()} == {"page.published"}
    assert set(published) == {chapter.pk, below.pk}
    assert published[chapter.pk]["title"] == "Snart internt"
    assert published[chapter.pk]["urls"]["html"] == chapter.full_url
    assert Client().get(f"/api/v3/pages/{chapter.pk}/").status_code == 200
    delivered = Delivery.objects.values_list("status", flat=True)
    assert list(delivered) == ["delivered"] * 4


def test_a_snippet_only_a_page_showed_is_withdrawn_with_it_and_comes_back_with_it(
    admin_client, receiver, django_capture_on_commit_callbacks
):
    """A receiver keeping contacts by their events: a contact that only one chapter shows leaves the
    public's view when an editor makes that chapter private, and comes back when the restriction goes."""
    _endpoint, received = receiver
    chapter = ChapterPageFactory(parent=sv(StrategyPage).get(), title="Nattöppet", slug="nattoppet")
    with django_capture_on_commit_callbacks(execute=True):
        night_line = publish(ContactFactory(name="Nattjouren", phone="0910-12 34 56"))
    # Published, but no public page shows it yet: not the receiver's business.
    assert not Delivery.objects.filter(event__startswith="snippet.").exists()

    with django_capture_on_commit_callbacks(execute=True):
        chapter.body = [("contacts", {"contacts": [night_line]})]
        chapter.save_revision().publish()
    run_worker()
    assert events(received) == [("page.published", chapter.pk), ("snippet.published", night_line.pk)]
    assert Client().get(f"/api/v3/contacts/{night_line.pk}/").status_code == 200

    received.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{chapter.pk}/privacy/", {"restriction_type": "password", "password": "x"})
    run_worker()
    assert events(received) == [("page.unpublished", chapter.pk), ("snippet.unpublished", night_line.pk)]
    withdrawn = json.loads(received.received[-1][1])
    assert withdrawn["urls"]["api"].endswith(f"/api/v3/contacts/{night_line.pk}/")
    # The API says what the event said.
    assert Client().get(f"/api/v3/contacts/{night_line.pk}/").status_code == 404

    received.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/pages/{chapter.pk}/privacy/", {"restriction_type": "none"})
    run_worker()
    assert events(received) == [("page.published", chapter.pk), ("snippet.published", night_line.pk)]
    assert Client().get(f"/api/v3/contacts/{night_line.pk}/").status_code == 200
    assert received.refused == []


def events(received):
    return [(event["type"], event["id"]) for event in (json.loads(body) for _headers, body in received.received)]


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


def test_an_endpoint_on_the_servers_own_network_is_refused_in_swedish(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    for url in ["http://127.0.0.1:8000/hook", "http://169.254.169.254/latest/", "http://10.0.0.5/", "http://[::1]/"]:
        endpoint = Endpoint(name="Intern", url=url)
        with translation.override("sv"), pytest.raises(ValidationError) as refused:
            endpoint.full_clean()
        assert "får bara skickas till publika internetadresser" in str(refused.value.message_dict["url"]), url


def test_the_address_is_checked_again_at_delivery_and_failures_read_alike(
    receiver, settings, django_capture_on_commit_callbacks
):
    """A name that resolved publicly when saved may point inside later (DNS rebinding): the delivery checks
    the address it connects to. Refused, closed port or blocked address: the log says the same."""
    endpoint, received = receiver
    chapter = sv(ChapterPage).get(slug="aktorer")
    # A closed port on loopback, where the setting allows loopback.
    Endpoint.objects.filter(pk=endpoint.pk).update(active=False)
    closed = Endpoint.objects.create(name="Stängd", url="http://127.0.0.1:9/hook")
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    run_worker()
    # The listening receiver, once the setting no longer allows loopback (as if its name now resolved there).
    Endpoint.objects.filter(pk=endpoint.pk).update(active=True)
    Endpoint.objects.filter(pk=closed.pk).update(active=False)
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = False
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    run_worker()
    assert received.received == []
    refused, blocked = Delivery.objects.get(endpoint=closed), Delivery.objects.get(endpoint=endpoint)
    assert blocked.error == refused.error == delivery_module.UNREACHABLE
    assert blocked.response_status is refused.response_status is None
