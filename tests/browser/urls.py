from django.urls import path

from cms.urls import handler403  # noqa: F401 (Django reads it from the root URLconf)
from cms.urls import urlpatterns as site_urlpatterns

FAILURE_PATH = "test-only/server-error/"


def fail(request):
    raise RuntimeError("A deliberate server error: the server-log check must notice it.")


urlpatterns = [path(FAILURE_PATH, fail), *site_urlpatterns]
