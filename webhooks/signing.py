"""Standard Webhooks signatures (https://www.standardwebhooks.com/): what a receiver verifies.

`webhook-signature` is `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`
under the endpoint's secret, which is `whsec_` and the key in base64. Any Standard Webhooks
library verifies it; receivers reject timestamps more than REPLAY_WINDOW away from their clock
and webhook-ids they have already accepted.
"""

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

PREFIX = "whsec_"
REPLAY_WINDOW = timedelta(minutes=5)


def new_secret():
    return PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def key_of(secret):
    return base64.b64decode(secret.removeprefix(PREFIX))


def sign(secret, message_id, timestamp, body):
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key_of(secret), signed, hashlib.sha256).digest()).decode()


def signature_headers(secret, message_id, timestamp, body):
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, message_id, timestamp, body),
    }
