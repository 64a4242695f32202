"""HTTP behaviour of the whole API, Wagtail's own endpoints included: strict parameters and caching."""

import hashlib
import re
from contextlib import nullcontext
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from wagtail.models import get_page_models

from pages.search_text import MAX_QUERY_LENGTH, search_words

from ..api_paths import PREFIX
from ..caching.query import Conflict, canonical_path, normalise, parameter_spec
from ..caching.single_render import find, rendering
from ..caching.versions import answer_key, content_version
from ..caching.warm import note_read
from .endpoints import api
from .locales import CODES
from .problems import problem, unknown_locale


@memoize
def query_parameters():
    """[(path pattern, {allowed query parameter: (default, is_list)})] for every GET operation in the document."""
    from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS

    # The pages listing also filters by any field a page type exposes (Wagtail's field filters).
    page_fields = dict.fromkeys(BASE_PAGE_READ_FIELDS, (None, False))
    for model in get_page_models():
        page_fields.update((field.name, (None, False)) for field in getattr(model, "api_fields", []) or [])

    operations = []
    for path, methods in api.get_openapi_schema(path_prefix=PREFIX)["paths"].items():
        if "get" not in methods:
            continue
        allowed = {p["name"]: parameter_spec(p) for p in methods["get"].get("parameters", []) if p["in"] == "query"}
        if path == f"{PREFIX}pages/":
            allowed = page_fields | allowed
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
        operations.append((pattern, allowed))
    return operations


# Bounds that no real reader needs to exceed: beyond them a value is an attack or a mistake, and
# an integer past the database's range would otherwise reach it and fail as a 500.
MAX_OFFSET = 1_000_000
MAX_SEARCH_LENGTH = MAX_QUERY_LENGTH


def out_of_bounds(query):
    """(parameter, message) for the first limit, offset or search value outside its bounds."""
    # Wagtail's paginator refuses a larger limit too, but without naming the parameter.
    limit_max = settings.WAGTAILAPI_LIMIT_MAX
    for value in query.getlist("limit"):
        if limit_max is not None and value.isdigit() and int(value) > limit_max:
            return "limit", f"Must be at most {limit_max}."
    for name in ("limit", "offset"):
        for value in query.getlist(name):
            if value.isdigit() and int(value) > MAX_OFFSET:
                return name, f"Must be at most {MAX_OFFSET}."
    for value in query.getlist("search"):
        if len(value) > MAX_SEARCH_LENGTH:
            return "search", f"Search for at most {MAX_SEARCH_LENGTH} characters."
    return None


class StrictQueryParametersMiddleware:
    """A misspelt parameter is a 400 naming it, not a silently unfiltered 200; so is a value out of bounds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(PREFIX) and request.method in ("GET", "HEAD"):
            for pattern, allowed in query_parameters():
                if pattern.match(request.path_info):
                    request.api_operation_known = True
                    unknown = sorted(set(request.GET) - allowed.keys())
                    if unknown:
                        return problem(
                            400,
                            "Bad Request",
                            f"Unknown query parameter: {', '.join(unknown)}.",
                            errors=[{"loc": ["query", name], "msg": "Unknown query parameter."} for name in unknown],
                        )
                    try:
                        request.GET = normalise(request.GET, allowed)
                    except Conflict as conflict:
                        return problem(
                            400,
                            "Bad Request",
                            f"{conflict}: given more than once with different values.",
                            errors=[{"loc": ["query", str(conflict)], "msg": "Given more than once."}],
                        )
                    break
            for code in request.GET.getlist("locale"):
                if code not in CODES:
                    return unknown_locale(code)
            bad = out_of_bounds(request.GET)
            if bad:
                name, message = bad
                return problem(
                    400, "Bad Request", f"{name}: {message}", errors=[{"loc": ["query", name], "msg": message}]
                )
            if "search" in request.GET:
                # Only words reach the search backend: a lone `"` is a syntax error in SQLite's
                # full-text query language. A search with no words finds nothing, as "" does.
                request.GET = request.GET.copy()
                words = [" ".join(search_words(value)) for value in request.GET.getlist("search")]
                request.GET.setlist("search", words)
        return self.get_response(request)


class DefaultLocaleMiddleware:
    """Wagtail's page listing without `?locale=` lists every language; ours defaults to the site's language.

    Skipped when the request asks for translations of a page, which span locales by definition.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == f"{PREFIX}pages/" and not {"locale", "translation_of"} & set(request.GET):
            request.GET = request.GET.copy()
            request.GET["locale"] = settings.LANGUAGE_CODE
        return self.get_response(request)


class APICacheMiddleware:
    """ETag, Last-Modified, 304s and a server-side cache for anonymous reads; no-store for token reads.

    A warm anonymous response comes from the cache without touching the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = settings.API_CACHE_MAX_AGE

    def __call__(self, request):
        if not request.path_info.startswith(PREFIX) or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if "HTTP_AUTHORIZATION" in request.META:
            response = self.get_response(request)
            response["Cache-Control"] = "private, no-store"
            patch_vary_headers(response, ["Authorization"])
            return response

        _version, changed_at = content_version(request)
        key = answer_key("api-response", request, canonical_path(request))
        # API_SERVER_CACHE = False measures the cold path (make bench); production keeps it on.
        server_cache = settings.API_SERVER_CACHE
        cached = find(key) if server_cache else None
        hit = cached is not None
        if cached is None:
            with rendering(key) if server_cache else nullcontext():
                response = self.get_response(request)
                if response.status_code != 200 or response.streaming:
                    patch_vary_headers(response, ["Authorization"])
                    response.setdefault("Cache-Control", "no-cache")
                    return response
                # Weak: the same answer gzipped is another representation of it, and a client that
                # holds either may revalidate with this tag (weak comparison, RFC 9110 8.8.3.2).
                etag = 'W/"' + hashlib.sha256(response.content).hexdigest()[:40] + '"'
                cached = (response.content, response["Content-Type"], etag, changed_at.timestamp())
                if server_cache:
                    cache.set(key, cached, timeout=settings.API_SERVER_CACHE_SECONDS)
                    note_read(request)

        body, content_type, etag, last_modified = cached
        response = HttpResponse(body, content_type=content_type)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        response["Cache-Control"] = f"public, max-age={self.max_age}"
        # Whether the server cache answered: for operators and the benchmark's hit ratio.
        response["X-Cache"] = "hit" if hit else "miss"
        patch_vary_headers(response, ["Authorization"])
        # A 304 when If-None-Match (weak comparison) or, without it, If-Modified-Since says the
        # client's copy is current; it keeps the validators, Cache-Control and Vary above.
        return get_conditional_response(request, etag=etag, last_modified=int(last_modified), response=response)
