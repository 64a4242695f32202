"""Helpers a site needs around a page: its translations, its breadcrumbs and the menu tree."""

from django.conf import settings
from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.models import Page

from .. import schemas
from ..content import get_locale, public_pages, site_for

router = Router(tags=["pages"])
PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


class NoQuery(Schema):
    pass


class NavigationQuery(Schema):
    locale: str = settings.LANGUAGE_CODE
    depth: int = Field(2, ge=1, le=5, description="How many levels below the home page.")


def link(page, request):
    return {"id": page.pk, "title": page.title, "locale": page.locale.language_code, "url": page.get_full_url(request)}


def public_page(request, id):
    page = public_pages(request).filter(pk=id).select_related("locale").first()
    if page is None:
        raise Http404(f"No page with id {id}.")
    return page


@router.get("/{int:id}/translations/", response=list[schemas.PageLink], auth=PUBLIC, operation_id="pages_translations")
def page_translations(request, id: int):
    """The locales where this page has a live translation (aliases are not translations)."""
    return translations_of(request, public_page(request, id))


def translations_of(request, page):
    translations = (
        public_pages(request)
        .filter(translation_key=page.translation_key, alias_of__isnull=True)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return [link(t, request) for t in translations]


@router.get("/{int:id}/breadcrumbs/", response=list[schemas.PageLink], auth=PUBLIC, operation_id="pages_breadcrumbs")
def page_breadcrumbs(request, id: int):
    return breadcrumbs_of(request, public_page(request, id))


def breadcrumbs_of(request, page):
    trail = public_pages(request).ancestor_of(page, inclusive=True).filter(depth__gt=1).select_related("locale")
    return [link(p, request) for p in trail.order_by("depth")]


navigation_router = Router(tags=["navigation"])


@navigation_router.get("/", response=list[schemas.NavigationItem], auth=PUBLIC, operation_id="navigation")
def navigation(request, params: NavigationQuery = Query(...)):  # noqa: B008
    """The menu tree of a locale: the home page's live, public descendants down to `depth` levels."""
    return menu(request, get_locale(params.locale), params.depth)


def menu(request, locale, depth):
    root = site_for(request).root_page.get_translation_or_none(locale)
    if root is None or not public_pages(request).filter(pk=root.pk).exists():
        raise Http404(f"The site has no home page in '{locale.language_code}'.")
    pages = list(public_pages(request).descendant_of(root).filter(depth__lte=root.depth + depth).order_by("path"))
    children = {}
    for page in pages:
        children.setdefault(page.path[: -Page.steplen], []).append(page)

    def tree(path):
        return [
            {"id": p.pk, "title": p.title, "url": p.get_full_url(request) or "", "children": tree(p.path)}
            for p in children.get(path, [])
        ]

    return tree(root.path)
