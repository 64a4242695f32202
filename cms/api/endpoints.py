"""The public JSON API: Wagtail's API v3 with the project's routers on the same instance.

One NinjaAPI, so one OpenAPI document (/api/v3/openapi.json) describes everything.
Routers must be added before `api.urls` is first read.
"""

from django.http import HttpRequest
from wagtail.api.v3.urls import api

from . import openapi, problems
from .errors import LocaleNotFound, TranslationNotFound
from .preview import PreviewRefused
from .problems import problem
from .routers.changes import router as changes_router
from .routers.follow_ups import router as follow_ups_router
from .routers.locales import router as locales_router
from .routers.page_detail import replace_wagtail_page_detail
from .routers.page_helpers import navigation_router
from .routers.page_helpers import router as page_helpers_router
from .routers.page_list import replace_wagtail_page_list
from .routers.snippets import router as snippets_router
from .routers.strategies import router as strategies_router

replace_wagtail_page_detail()
replace_wagtail_page_list()
api.add_router("/strategies/", strategies_router)
api.add_router("/follow-ups/", follow_ups_router)
api.add_router("/pages/", page_helpers_router)
api.add_router("/navigation/", navigation_router)
api.add_router("/changes/", changes_router)
api.add_router("/", snippets_router)
api.add_router("/locales/", locales_router)
openapi.install(api)
problems.register(api)
# UTF-8 as it is: Arabic and Finnish text would otherwise take six bytes per letter.
api.renderer.json_dumps_params = {"ensure_ascii": False}


@api.exception_handler(LocaleNotFound)
@api.exception_handler(TranslationNotFound)
def missing_translation(request: HttpRequest, exc: LocaleNotFound | TranslationNotFound):
    # No silent fallback to Swedish: say which locales do exist.
    return problem(404, "Not Found", str(exc), available_locales=exc.available)


@api.exception_handler(OverflowError)
def beyond_any_id(request: HttpRequest, exc: OverflowError):
    # An id wider than 64 bits names nothing, but SQLite refuses even to compare it.
    return problem(404, "Not Found", "No object has this id.")


@api.exception_handler(PreviewRefused)
def preview_refused(request: HttpRequest, exc: PreviewRefused):
    response = problem(exc.status, "Unauthorized" if exc.status == 401 else "Forbidden", str(exc))
    if exc.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


__all__ = ["api"]
