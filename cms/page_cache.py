"""A server-side cache of public HTML for anonymous readers, keyed by the content version of its path.

A publish, unpublish, move or delete renews the versions of every page that shows the changed
object (cms/caching/), so the next request for one of them renders afresh; nothing is served
that the database would not show now, and pages the change does not reach stay cached.
Only plain anonymous GETs are cached: no session cookie (editors and visitors who unlocked a
private page bypass it), no query string (search results are not stored), and only answers that
set no cookie and used no CSRF token (the feedback form and password forms are always rendered).
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from .caching.single_render import find, rendering
from .caching.versions import answer_key
from .caching.warm import note_read

SKIP = ("/admin/", "/api/", "/documents/", "/static/", "/media/")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def cacheable_request(self, request):
        return (
            settings.PUBLIC_PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and not request.META.get("QUERY_STRING")
            and not request.path_info.startswith(SKIP)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = answer_key("page-response", request, request.path)
        cached = find(key)
        if cached is not None:
            body, headers = cached
            response = HttpResponse(body)
            for name, value in headers:
                response[name] = value
            response["X-Cache"] = "hit"
            return response
        with rendering(key):
            response = self.get_response(request)
            # Whether the server cache answered: for operators and the benchmark's hit ratio.
            response["X-Cache"] = "miss"
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not request.META.get("CSRF_COOKIE_USED")
            ):
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                # The cache's own header says how this answer was served, not how the stored one was.
                headers = [
                    (name, value) for name, value in response.items() if name.lower() not in ("set-cookie", "x-cache")
                ]
                cache.set(key, (response.content, headers), timeout=settings.API_SERVER_CACHE_SECONDS)
                note_read(request)
            return response
