"""`pages/find/?html_path=` with the paths the site serves: every public URL starts with its language.

Wagtail's find routes `html_path` from the site's root page, which is the Swedish home page, so
`/sv/…`, `/en/…`, `/fi/…` and `/ar/…` never matched. Here the language prefix chooses the home
page's translation to route from, and the answer is Wagtail's: a redirect to the page's detail,
keeping the other parameters. Anything else (`?id=`, a path without a language) is Wagtail's find.
"""

from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from wagtail.models import Locale

from ..api_paths import PREFIX
from .content import public_pages, site_for
from .locales import CODES

FIND_PATH = f"{PREFIX}pages/find/"


def page_for_path(request, html_path):
    components = [component for component in html_path.split("/") if component]
    if not components or components[0] not in CODES:
        return None
    locale = Locale.objects.filter(language_code=components[0]).first()
    try:
        home = site_for(request).root_page.get_translation_or_none(locale) if locale else None
        if home is None:
            return None
        page, _args, _kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    return public_pages(request).filter(pk=page.pk).first()


class FindByPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == FIND_PATH and request.method == "GET" and "html_path" in request.GET:
            page = page_for_path(request, request.GET["html_path"])
            if page is not None:
                query = request.GET.copy()
                del query["html_path"]
                url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
                return HttpResponseRedirect(f"{url}?{query.urlencode()}" if query else url)
        return self.get_response(request)
