"""One error format for everything under /api/v3/: RFC 9457 problem details, one status per kind of error.

- 400: a query parameter is unknown, malformed, out of bounds or names an unknown locale.
- 404: the path names nothing (unknown path, non-numeric or unknown id), or the thing has no
  live translation in the requested locale (the body lists the locales it has).
- 401/403: a token is missing or may not do this.
- 422: a request body (Wagtail's write operations) is invalid.
"""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import DEFAULT_PROBLEM_TYPE, PROBLEM_JSON, ProblemDetail, problem_response

from .locales import CODES


class LocaleProblem(ProblemDetail):
    """Wagtail's problem body with the locales that do exist, for an unknown locale or a missing translation."""

    available_locales: list[str]


def problem(status, title, detail, errors=None, available_locales=None):
    if available_locales is None:
        return problem_response(status=status, title=title, detail=detail, errors=errors)
    body = LocaleProblem(
        type=DEFAULT_PROBLEM_TYPE,
        title=title,
        status=status,
        detail=detail,
        errors=errors,
        available_locales=available_locales,
    )
    return HttpResponse(body.model_dump_json(exclude_none=True), status=status, content_type=PROBLEM_JSON)


def unknown_locale(code):
    return problem(
        400,
        "Bad Request",
        f"Unknown locale '{code}'. Available locales: {', '.join(CODES)}.",
        errors=[{"loc": ["query", "locale"], "msg": "Unknown locale."}],
        available_locales=list(CODES),
    )


def invalid_request(request, exc):
    # Ninja reports every invalid input as one ValidationError; where it came from decides the status.
    hidden = ("input", "ctx", "url")
    errors = [{key: value for key, value in error.items() if key not in hidden} for error in exc.errors]
    sources = {error["loc"][0] for error in errors if error.get("loc")}
    if sources == {"path"}:
        return problem(404, "Not Found", "No resource at this path.", errors=errors)
    if sources <= {"query"}:
        names = sorted({str(error["loc"][-1]) for error in errors if error.get("loc")})
        return problem(400, "Bad Request", f"Invalid query parameter: {', '.join(names)}.", errors=errors)
    return problem(422, "Unprocessable Content", "Validation failed", errors=errors)


def not_found(request, rest=""):
    """Any other path under /api/v3/: a problem, not the site's HTML 404 (nor a redirect for a missing slash
    unless the path with one exists)."""
    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return problem(404, "Not Found", f"No API operation at {request.path_info}.")


def register(api):
    api.add_exception_handler(NinjaValidationError, invalid_request)
