"""Sending one delivery: sign the body, POST it, record the outcome, retry later on failure."""

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from .models import Delivery

TIMEOUT_SECONDS = 10
# Attempt n waits RETRY_DELAYS[n - 1] after the previous one; then the delivery has failed.
RETRY_DELAYS = [timedelta(seconds=10), timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1)]


def body_of(delivery):
    return json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()


def signature(secret, body):
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@task(backend="webhooks")
def deliver(delivery_id):
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    if delivery.status != Delivery.Status.PENDING:
        return delivery.status
    body = body_of(delivery)
    request = urllib.request.Request(  # noqa: S310 (an admin-registered http(s) URL)
        delivery.endpoint.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "strategi-cms-webhooks",
            "X-Event": delivery.event,
            "X-Delivery": str(delivery.pk),
            "X-Signature-SHA256": signature(delivery.endpoint.secret, body),
        },
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            delivery.response_status = response.status
        delivery.status = Delivery.Status.DELIVERED
        delivery.error = ""
    except urllib.error.HTTPError as error:
        delivery.response_status, delivery.error = error.code, f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        delivery.response_status, delivery.error = None, str(getattr(error, "reason", error))
    if delivery.status == Delivery.Status.PENDING:
        if delivery.attempts > len(RETRY_DELAYS):
            delivery.status = Delivery.Status.FAILED
        else:
            deliver.using(run_after=timezone.now() + RETRY_DELAYS[delivery.attempts - 1]).enqueue(delivery.pk)
    delivery.save()
    return delivery.status
