"""Sending one delivery: sign the body, POST it, record the outcome, retry later on failure."""

import http.client
import json
import socket
import ssl
import time
from datetime import timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from django_tasks import task

from .addresses import AddressRefused, resolve, target
from .models import Delivery
from .signing import signature_headers

TIMEOUT_SECONDS = 10
# Attempt n waits RETRY_DELAYS[n - 1] after the previous one; then the delivery has failed.
RETRY_DELAYS = [timedelta(seconds=10), timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1)]
# One message for every way of not reaching a receiver: a refused connection, a timeout, an unknown
# or non-public address read alike, so the log cannot be used to map which ports on the server's
# network are open.
UNREACHABLE = "The receiver could not be reached."


def body_of(delivery):
    return json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()


def message_id(delivery):
    # The same across retries, as Standard Webhooks asks: receivers deduplicate on it.
    return f"msg_{delivery.pk}"


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the address that was checked, not to whatever the name resolves to a moment later."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url, body, headers):
    """POST without following redirects (a redirect could point anywhere); returns the status."""
    host, port = target(url)
    address = resolve(host, port)[0]
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = PinnedHTTPSConnection if url.startswith("https:") else PinnedHTTPConnection
    connection = connection_class(host, port, address, TIMEOUT_SECONDS)
    try:
        connection.request("POST", path, body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


@task(backend="webhooks")
def deliver(delivery_id):
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    if delivery.status != Delivery.Status.PENDING:
        return delivery.status
    body = body_of(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "strategi-cms-webhooks",
        **signature_headers(delivery.endpoint.secret, message_id(delivery), int(time.time()), body),
    }
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        status = post(delivery.endpoint.url, body, headers)
    except (AddressRefused, OSError, http.client.HTTPException):
        delivery.response_status, delivery.error = None, UNREACHABLE
    else:
        delivery.response_status = status
        if 200 <= status < 300:
            delivery.status, delivery.error = Delivery.Status.DELIVERED, ""
        else:
            delivery.error = f"HTTP {status}"
    if delivery.status == Delivery.Status.PENDING:
        if delivery.attempts > len(RETRY_DELAYS):
            delivery.status = Delivery.Status.FAILED
        else:
            deliver.using(run_after=timezone.now() + RETRY_DELAYS[delivery.attempts - 1]).enqueue(delivery.pk)
    delivery.save()
    return delivery.status
