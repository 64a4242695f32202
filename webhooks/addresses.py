"""Endpoints may only point at the public internet: a webhook must not become a way to reach the
server's own network (loopback, link-local such as cloud metadata, private ranges).

Checked when an endpoint is saved, and again at every delivery against the address the
connection then actually uses, so a name that resolves elsewhere later (DNS rebinding) cannot
slip past. WEBHOOKS_ALLOW_PRIVATE_ADDRESSES lifts the rule (tests, an intranet receiver).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOT_PUBLIC = _("Webhooks may only be sent to public internet addresses, not to %(host)s.")
UNKNOWN_HOST = _("The address %(host)s could not be found.")


class AddressRefused(Exception):
    pass


def allowed_private():
    return settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES


def is_public(address):
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host, port):
    """The addresses the host name has now; all of them must be public, or none is used."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise AddressRefused("unknown host") from error
    addresses = [info[4][0] for info in infos]
    if not allowed_private() and not all(is_public(address) for address in addresses):
        raise AddressRefused("not public")
    return addresses


def target(url):
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def validate_public_url(url):
    """The model field's validator: a Swedish message in the admin for a private or unknown host."""
    host, port = target(url)
    try:
        resolve(host, port)
    except AddressRefused as refused:
        message = UNKNOWN_HOST if str(refused) == "unknown host" else NOT_PUBLIC
        raise ValidationError(message, code="address", params={"host": host}) from None
