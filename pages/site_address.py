"""The site's public address (SITE_BASE_URL) and the checks on it.

Absolute links (canonical, sitemap and hreflang, the CDN purge's Host, webhook payloads) come
from Wagtail's default Site record; `load_strategy` sets its host and port from this setting,
so a deployment does not publish links to localhost.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def site_address(url):
    """(hostname, port) of an absolute http(s) URL without a path; ValueError says what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"SITE_BASE_URL must be an absolute http(s) address, such as https://example.se; got {url!r}.")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ValueError(f"SITE_BASE_URL must not have a path, query or fragment; got {url!r}.")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


@checks.register()
def check_site_base_url(app_configs, **kwargs):
    url = settings.SITE_BASE_URL
    if url:
        try:
            site_address(url)
        except ValueError as error:
            return [checks.Error(str(error), id="cms.E001")]
    return []


@checks.register(deploy=True)
def check_site_base_url_is_set(app_configs, **kwargs):
    if not settings.SITE_BASE_URL:
        return [
            checks.Warning(
                "SITE_BASE_URL is not set: canonical links, the sitemap and webhooks will name the Site "
                "record's host, which is localhost until someone changes it.",
                hint="Set SITE_BASE_URL to the public address and run manage.py load_strategy.",
                id="cms.W001",
            )
        ]
    return []
