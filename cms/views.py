from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .roles import is_only_translator


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def permission_denied(request, exception=None):
    """A refusal in the admin says what happened, in the admin's language and look, and leads back.

    Wagtail's own views turn a refusal into a message on the dashboard; the project's admin rules
    (cms/admin_guards.py) refuse before any view runs, which without this answered with Django's
    bare English "403 Forbidden". Outside the admin, Django's own answer stands.
    """
    if not request.path_info.startswith("/admin/"):
        return defaults.permission_denied(request, exception)
    user = request.user
    # The admin's menus are built for someone the admin knows.
    full = user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    template = "cms/admin_forbidden.html" if full else "cms/admin_forbidden_bare.html"
    return render(request, template, {"translator": is_only_translator(user)}, status=403)
