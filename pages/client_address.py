"""Where a request comes from when it has passed through the trusted proxies (settings.TRUSTED_PROXY_COUNT).

Both the admin's sign-in throttle (django-axes) and the accessibility statement's feedback limit
count requests per client address.
"""

from django.conf import settings


def client_address(request):
    """The address a sign-in comes from, as the nearest of settings.TRUSTED_PROXY_COUNT proxies saw it.

    Each proxy appends the address it received from, so the client is that many entries from the
    right of X-Forwarded-For; anything further left was sent by the client and proves nothing.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
