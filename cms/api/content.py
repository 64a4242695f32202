"""What the public API may show: live, public content of the requested site and locale."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from wagtail.models import Locale, Page, PageViewRestriction, Site

from pages.public import at_or_below, restricted

from .errors import LocaleNotFound


def get_locale(code):
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        raise LocaleNotFound(code, available=list(Locale.objects.values_list("language_code", flat=True))) from None


def site_for(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site is configured for this host.")
    return site


def public_pages(request, model=Page):
    """Live pages without any view restriction, under this site's root in any language.

    Stricter than Wagtail's public tier on purpose: a password unlocked in a browser
    session must not open a page to the API, whose answers are cached for everyone.
    """
    return model.objects.filter(public_page_condition(request))


def public_page_condition(request):
    """`public_pages` as a condition, built once per request. The database checks the site's roots in every
    language and the view restrictions within the query it narrows, so they cost no query of their own
    however many lists of pages, snippets and references one answer narrows with it (the strategy
    document narrows four)."""
    condition = getattr(request, "public_page_condition", None)
    if condition is None:
        root = site_for(request).root_page
        roots = Page.objects.filter(pk=root.pk)
        if settings.WAGTAIL_I18N_ENABLED:
            roots = Page.objects.filter(translation_key=root.translation_key)
        in_site = at_or_below(roots)
        condition = request.public_page_condition = Page.objects.live_q() & Q(in_site) & ~Q(restricted())
    return condition


def base_url(request):
    return site_for(request).root_url or request.build_absolute_uri("/")


def is_private(page, ignoring=None):
    """Whether a view restriction on the page or above it hides it (one restriction may be left out)."""
    restrictions = PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True))
    if ignoring is not None:
        restrictions = restrictions.exclude(pk=ignoring.pk)
    return restrictions.exists()
