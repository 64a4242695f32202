"""Which Wagtail site a request is for, looked up once per host and content version.

Wagtail finds the site with a query on every request (Site.find_for_request), and both the
API and every page ask for it. A site, its root page and where that page sits change only
together with a new content version (cms.api.freshness), so an anonymous read reuses the
site found for the same host under the same version. Editors' requests look it up afresh.
"""

from django.conf import settings
from wagtail.models import Site

from .api.freshness import content_version

# Hosts are not checked against ALLOWED_HOSTS before the lookup, so the memo is bounded.
MAX_HOSTS = 32
_memo = {"version": None, "sites": {}}


def memoised_site(request):
    version, _changed_at = content_version(request)
    if _memo["version"] != version:
        _memo.update(version=version, sites={})
    key = (request._get_raw_host(), request.get_port())
    if key not in _memo["sites"]:
        site = Site.find_for_request(request)
        if len(_memo["sites"]) < MAX_HOSTS:
            _memo["sites"][key] = site
        return site
    return _memo["sites"][key]


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in request.META
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            # Site.find_for_request() answers from this attribute for the rest of the request.
            request._wagtail_site = memoised_site(request)
        return self.get_response(request)
