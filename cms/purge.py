"""Tell the CDN in front of the site what changed: on publish or unpublish of a page or a snippet,
purge every HTML and API URL that shows it, in every language; and whenever a page's audience or
address changes (a view restriction added, changed or removed, a move, a new slug, a delete),
the page and every page below it, at its old and its new address.

A chapter's title is in the table of contents of every page of its strategy, and a snippet is
shown on the pages that choose it, on the whole strategy and in the strategy document; so a
change purges the strategy's pages in every language. The emergency banner, the site's own
pages and the municipality's contact details appear on every page, so a change to those purges every page.

API list URLs are purged without and with each ?locale=; other query strings (limit, offset,
filters) expire by their max-age (API_CACHE_MAX_AGE).
"""

from copy import copy

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from .api.content import default_site_url
from .api.paths import COLLECTIONS, PREFIX

API = PREFIX


def enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


def with_locales(path):
    return [path] + [f"{path}?locale={code}" for code, _name in settings.LANGUAGES]


def page_urls(pages):
    """Each page's public URL, and its routable views (the whole strategy)."""
    urls = set()
    for page in pages:
        url = page.full_url
        if not url:
            continue
        urls.add(url)
        whole = getattr(page, "whole_strategy_path", None)
        if whole:
            urls.add(url + whole)
    return urls


def all_pages():
    return Page.objects.filter(depth__gt=1).live().specific()


def strategy_trees(pages):
    """Every live page of the strategies the pages belong to, in every language (or every page of
    the site for a page outside any strategy: the home and site pages appear in every page's header)."""
    from pages.models import StrategyPage

    keys = set()
    for page in pages:
        strategy = StrategyPage.objects.ancestor_of(page, inclusive=True).first()
        if strategy is None:
            return list(all_pages())
        keys.add(strategy.translation_key)
    trees = list(StrategyPage.objects.filter(translation_key__in=keys))
    found = Page.objects.none()
    for strategy in trees:
        found |= Page.objects.descendant_of(strategy, inclusive=True)
    homes = Page.objects.filter(depth=2)
    return list((found | homes).live().specific())


def api_urls_for_pages(pages, strategies):
    site = default_site_url()
    root = site + API
    urls = set()
    for page in pages:
        for suffix in ("", "breadcrumbs/", "translations/"):
            urls.add(f"{root}pages/{page.pk}/{suffix}")
    for strategy in strategies:
        urls.add(f"{root}strategies/{strategy.pk}/")
    for path in ("pages/", "strategies/", "navigation/"):
        urls.update(with_locales(root + path))
    urls.add(site + "/sitemap.xml")
    return urls


def urls_for_page(page):
    from pages.models import StrategyPage

    translations = list(page.get_translations(inclusive=True).specific())
    shown_on = strategy_trees(translations)
    strategies = [p for p in shown_on if isinstance(p, StrategyPage)]
    return page_urls([*translations, *shown_on]) | api_urls_for_pages([*translations, *shown_on], strategies)


def urls_for_snippet(snippet):
    from pages.models import StrategyPage
    from snippets.models import Contact

    model = type(snippet)
    translations = list(model.objects.filter(translation_key=snippet.translation_key))
    if isinstance(snippet, Contact) and any(contact.in_emergency_banner for contact in translations):
        shown_on = list(all_pages())
    else:
        page_ids = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(translation.pk) for translation in translations],
        ).values_list("object_id", flat=True)
        pages = list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]))
        shown_on = strategy_trees(pages) if pages else []
    strategies = [p for p in shown_on if isinstance(p, StrategyPage)]
    urls = page_urls(shown_on) | api_urls_for_pages([], strategies)
    prefix = COLLECTIONS.get(model)
    if prefix:
        root = default_site_url() + API + prefix + "/"
        urls.update(with_locales(root))
        for translation in translations:
            urls.update(with_locales(f"{root}{translation.pk}/"))
    return urls


def urls_for_subtree(page):
    """The page as urls_for_page, and every page below it: a view restriction covers them all, and a
    move or a new slug changes all their addresses."""
    below = list(Page.objects.descendant_of(page).specific())
    return urls_for_page(page) | page_urls(below) | api_urls_for_pages(below, [])


def former_urls(page, url_path_before, url_path_after):
    """Where the page and the pages below it were before their url_path changed from one to the other."""
    urls = set()
    for current in [page, *Page.objects.descendant_of(page).specific()]:
        before = copy(current)
        before.url_path = url_path_before + current.url_path[len(url_path_after) :]
        urls |= page_urls([before])
    return urls


def purge_later(urls_of, instance):
    if not enabled():
        return
    # The addresses now, while a deleted page and its translations are still there to ask; the purge
    # after the commit: a CDN that refetches at once must get the new version, not the old one.
    urls = sorted(urls_of(instance))
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def on_page_change(sender, instance, **kwargs):
    # Deleting a live page unpublishes it first (Wagtail's pre_delete), so deletes arrive here too.
    purge_later(urls_for_page, instance)


def on_snippet_change(sender, instance, **kwargs):
    from snippets.models.publishable import PublishableSnippet

    if isinstance(instance, PublishableSnippet):
        purge_later(urls_for_snippet, instance)


def on_contact_details_change(sender, instance, **kwargs):
    # The footer of every page shows them; the API does not.
    purge_later(lambda _instance: page_urls(all_pages()), instance)


def on_view_restriction_change(sender, instance, **kwargs):
    """A page made private must not stay public in the CDN, nor a page made public stay missing."""
    page = Page.objects.filter(pk=instance.page_id).specific().first()
    if page is not None:
        purge_later(urls_for_subtree, page)


def on_page_move(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    purge_later(
        lambda page: (
            urls_for_subtree(page)
            | former_urls(page, url_path_before, url_path_after)
            # The table of contents it has left.
            | urls_for_page(parent_page_before.specific)
        ),
        page,
    )


def on_slug_change(sender, instance, instance_before, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    purge_later(lambda page: urls_for_subtree(page) | former_urls(page, instance_before.url_path, page.url_path), page)


def connect():
    from .contact_details import MunicipalityContactDetails

    post_save.connect(on_contact_details_change, sender=MunicipalityContactDetails, dispatch_uid="cdn-purge-contact")
    page_published.connect(on_page_change, dispatch_uid="cdn-purge-page-published")
    page_unpublished.connect(on_page_change, dispatch_uid="cdn-purge-page-unpublished")
    published.connect(on_snippet_change, dispatch_uid="cdn-purge-published")
    unpublished.connect(on_snippet_change, dispatch_uid="cdn-purge-unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="cdn-purge-page-moved")
    page_slug_changed.connect(on_slug_change, dispatch_uid="cdn-purge-slug-changed")
    for signal in (post_save, post_delete):
        signal.connect(
            on_view_restriction_change, sender=PageViewRestriction, dispatch_uid=f"cdn-purge-restriction-{id(signal)}"
        )
