"""What the public API may show: live, public content of the requested site and locale."""

from django.conf import settings
from django.http import Http404
from wagtail.models import Locale, Page, PageViewRestriction, Site

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
    site = site_for(request)
    roots = [site.root_page]
    if settings.WAGTAIL_I18N_ENABLED:
        roots += list(site.root_page.get_translations())
    queryset = model.objects.live().public()
    scoped = model.objects.none()
    for root in roots:
        scoped |= queryset.descendant_of(root, inclusive=True)
    return scoped


def base_url(request):
    return site_for(request).root_url or request.build_absolute_uri("/")


def is_private(page, ignoring=None):
    """Whether a view restriction on the page or above it hides it (one restriction may be left out)."""
    restrictions = PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True))
    if ignoring is not None:
        restrictions = restrictions.exclude(pk=ignoring.pk)
    return restrictions.exists()
