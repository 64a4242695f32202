from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .api.problems import problem


class PublicSiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unmatched paths outside the public site.

    Django answers a 404 by redirecting to the language-prefixed path when that path
    resolves, and Wagtail's catch-all page route resolves everything: /api/v3/contacts/999/
    would redirect to /sv/api/… instead of answering 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/sitemap.xml", "/robots.txt")

    def process_request(self, request):
        # The admin speaks the municipality's language whatever the browser asks for; a user who
        # chose another language in their account gets it from Wagtail, which applies that choice.
        if request.path_info.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class RejectNulBytesMiddleware:
    """A NUL byte in the path or query is never meaningful and PostgreSQL refuses it in text: answer 400.

    Without this, /api/v3/pages/?locale=sv%00 reaches the database and fails with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "%00" in query.lower() or "\x00" in query:
            if request.path_info.startswith("/api/"):
                return problem(400, "Bad Request", "NUL bytes are not allowed in the path or query.")
            return HttpResponseBadRequest("NUL bytes are not allowed in the path or query.")
        return self.get_response(request)


class PublicPrivacyMiddleware:
    """The public site tells other sites nothing about a visit: no Referer leaves it.

    The admin keeps Django's SECURE_REFERRER_POLICY (same-origin): with "no-referrer" a browser
    sends "Origin: null" on form posts, which CSRF protection rightly refuses. The public feedback
    form is exempt from CSRF (it needs no cookie), so every public page, it included, sends none.
    """

    ADMIN = ("/admin/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(self.ADMIN):
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


class HTMLCacheControlMiddleware:
    """Every HTML answer says how long it may be kept, so no browser or proxy has to guess.

    An anonymous reader's page is the same for everyone: browsers may keep it a minute and shared
    caches five (publishing purges them, cms/purge.py). Anything personal is never stored: the
    admin, a signed-in user's or unlocked private page's answer (a session), a form's reply with
    the reader's text, and search results, whose query words would otherwise stay in the
    browser's cache on a device someone else may look at.
    """

    PUBLIC = "public, max-age=60, s-maxage=300"
    PRIVATE = "private, no-store"
    OWN_RULES = ("/api/", "/static/", "/media/", "/documents/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if path.startswith("/admin/"):
            response["Cache-Control"] = self.PRIVATE
            return response
        if path.startswith(self.OWN_RULES) or not response.get("Content-Type", "").startswith("text/html"):
            return response
        # A response from the public page cache never reached the auth middleware: it is anonymous.
        user = getattr(request, "user", None)
        personal = (
            (user is not None and user.is_authenticated)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or response.cookies
            or "private" in response.get("Cache-Control", "")
        )
        shared = (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not request.META.get("QUERY_STRING")
            and not personal
        )
        response["Cache-Control"] = self.PUBLIC if shared else self.PRIVATE
        return response
