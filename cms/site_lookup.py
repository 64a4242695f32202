"""Which Wagtail site a request is for, and where every site's root sits, looked up once per content version.

Wagtail finds the site with a query on every request (Site.find_for_request), and reads the
site root paths that every page URL is built from out of the cache (Site.get_site_root_paths).
Sites, their root pages and where those sit change only together with a new global content version
(cms/caching/versions.py), so an anonymous read reuses what was found under the same version: the
site per host, the root paths for all. Editors' requests look them up afresh.
"""

from django.conf import settings
from wagtail.models import Site

from .caching.versions import global_version

# Hosts are not checked against ALLOWED_HOSTS before the lookup, so the memo is bounded.
MAX_HOSTS = 32
_memo = {"version": None, "sites": {}, "root_paths": None}


def current_memo(request):
    version, _changed_at = global_version(request)
    if _memo["version"] != version:
        _memo.update(version=version, sites={}, root_paths=None)
    return _memo


def memoised_site(request):
    sites = current_memo(request)["sites"]
    key = (request._get_raw_host(), request.get_port())
    if key not in sites:
        site = Site.find_for_request(request)
        if len(sites) < MAX_HOSTS:
            sites[key] = site
        return site
    return sites[key]


def memoised_root_paths(request):
    memo = current_memo(request)
    if memo["root_paths"] is None:
        memo["root_paths"] = Site.get_site_root_paths()
    return memo["root_paths"]


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
            # Page.get_url_parts() reads the root paths from here before it asks the cache.
            request._wagtail_cached_site_root_paths = memoised_root_paths(request)
        return self.get_response(request)
