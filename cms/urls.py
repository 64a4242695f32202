from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from followup import urls as followup_urls
from pages import views as page_views

from .api.endpoints import api
from .api.problems import not_found as api_not_found
from .api_paths import PREFIX
from .sitemap import LocalizedSitemap
from .views import robots_txt

# A refusal in the admin answers in the admin's look and language (cms.views.permission_denied).
handler403 = "cms.views.permission_denied"

urlpatterns = [
    path(PREFIX.lstrip("/"), api.urls),
    # Any other path under the API is a problem in the API's format, not the site's HTML 404.
    re_path(rf"^{PREFIX.lstrip('/')}(?P<rest>.*)$", api_not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language (/sv/…), so each translation has an address of its own.
urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL path", "search/"), page_views.search, name="search"),
    path("", include(followup_urls)),
    # Public pages set no cookie, so they cannot carry a CSRF token (decision 0007). The one page
    # that acts on a POST is the accessibility statement's anonymous feedback form: no session, no
    # account, nothing for a forged request to act as. It has a honeypot, a size and a rate limit.
    re_path(wagtail_urls.serve_pattern, csrf_exempt(wagtail_views.serve), name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
