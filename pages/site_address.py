"""The site's public address (SITE_BASE_URL), the admin's (WAGTAILADMIN_BASE_URL), and the checks on them.

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


LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}


def admin_address_problem(url):
    """What makes `url` useless as the admin's address in links people get by e-mail (Wagtail's
    review notifications, follow-up reminders), or None."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return (
            "WAGTAILADMIN_BASE_URL must be the admin's absolute address, such as https://cms.example.se, "
            f"for the links in e-mails; got {url!r}."
        )
    if parts.hostname in LOCAL_HOSTS and not settings.DEBUG:
        return (
            f"WAGTAILADMIN_BASE_URL is {url!r}, an address on this machine: the links in e-mails would "
            "lead nowhere for the people who get them. Set it to the admin's public address."
        )
    return None


@checks.register(deploy=True)
def check_admin_base_url(app_configs, **kwargs):
    problem = admin_address_problem(settings.WAGTAILADMIN_BASE_URL)
    if problem:
        return [
            checks.Warning(
                problem,
                hint="Approvers' review notifications and the follow-up reminders link to the admin there.",
                id="cms.W002",
            )
        ]
    return []


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
