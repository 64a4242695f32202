from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Site

from .search import QueryError, add_passages, search_site

RESULTS_PER_PAGE = 10


def search(request):
    text = request.GET.get("q", "").strip()
    status, error, results = 200, None, []
    locale = Locale.get_active()
    site = Site.find_for_request(request)
    if text and site is not None:
        try:
            results = search_site(text, locale, site.root_page.get_translation_or_none(locale) or site.root_page)
        except QueryError as problem:
            status, error = problem.status, str(problem)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("sida"))
    if error is None and page_of_results.object_list:
        # Only the results shown get a passage: their texts are read from the specific pages.
        add_passages(page_of_results.object_list, text)
    context = {
        "query": text if error is None else "",
        "error": error,
        "results": page_of_results,
        "result_count": paginator.count,
        "searched": bool(text) and error is None,
    }
    return render(request, "pages/search.html", context, status=status)
