from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as site_urlpatterns


@cache
def ceiling_bytes():
    with open(settings.BENCH_CEILING_FILE, "rb") as handle:
        return handle.read()


def ceiling(request):
    """The fastest this stack can answer: no database, no template, the same bytes as the document."""
    return HttpResponse(ceiling_bytes(), content_type="application/json")


v2 = WagtailAPIRouter("wagtailapi_v2")
v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/ceiling/", ceiling),
    path("bench/api/v2/", v2.urls),
    *site_urlpatterns,
]
