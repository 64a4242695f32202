"""Which public URLs show a changed object: its pages in every language, the strategy documents
and lists that embed it, navigation and the sitemap. The CDN purge (cms/purge.py) purges these
URLs; the server caches renew the versions of exactly these answers (cms/caching/versions.py).

A chapter's title is in the table of contents of every page of its strategy, and a snippet is
shown on the pages that choose it, on the whole strategy and in the strategy document; so a
change reaches the strategy's pages in every language. The emergency banner, the site's own
pages and the municipality's contact details appear on every page, so a change to those reaches
every page.

API list URLs are named without and with each ?locale=; the server caches key every other query
string of a list under the same version as the list (versions.scope_of), the CDN lets them expire
by their max-age (API_CACHE_MAX_AGE).

A follow-up round, or a report in one, changes the public pages of every round of its strategy (each
compares all years) in every language, the strategy page (it links to the latest), and the follow-ups
API: each round's document, and the list as documented, `?strategy=<id>` and `?strategy=<id>&locale=`.
"""

from copy import copy
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, ReferenceIndex, Site

from followup.models import ActorReport, FollowUpRound

from ..api_paths import COLLECTIONS
from ..api_paths import PREFIX as API


def default_site_url():
    """The default site's root URL, for code that runs outside a request (CDN purge, webhooks, warm-up)."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def with_locales(path):
    return [path] + [f"{path}?locale={code}" for code, _name in settings.LANGUAGES]


def page_urls(pages):
    """Each page's public URL, and its routable views (the whole strategy)."""
    urls = set()
    # Wagtail reads the sites' root paths from the cache for each URL unless given an object to keep
    # them on (get_url_parts' `request`): a chapter's reach is some 80 pages, one Redis trip each.
    site_root_paths = SimpleNamespace()
    for page in pages:
        url = page.get_full_url(site_root_paths)
        if not url:
            continue
        urls.add(url)
        whole = getattr(page, "whole_strategy_path", None)
        if whole:
            urls.add(url + whole)
    return urls


def all_pages():
    return Page.objects.filter(depth__gt=1).live().specific(defer=True)


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
    # Deferred: the reach needs each page's type, address and id, never its body.
    return list((found | homes).live().specific(defer=True))


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


def chosen_snippet_urls(pages):
    """The API answers of the snippets the pages choose, in every language: a snippet is public while
    a live public page shows it (decision 0011), so a page's publish, unpublish, view restriction or
    delete can add it to its collection or take it out."""
    page_type = ContentType.objects.get_for_model(Page)
    models = {ContentType.objects.get_for_model(model).pk: model for model in COLLECTIONS}
    chosen = {}
    for type_id, object_id in (
        ReferenceIndex.objects.filter(
            base_content_type=page_type,
            object_id__in=[str(page.pk) for page in pages],
            to_content_type_id__in=models,
        )
        .values_list("to_content_type_id", "to_object_id")
        .distinct()
    ):
        chosen.setdefault(models[type_id], set()).add(object_id)
    root = default_site_url() + API
    urls = set()
    for model, ids in chosen.items():
        prefix = COLLECTIONS[model]
        urls.update(with_locales(f"{root}{prefix}/"))
        keys = model.objects.filter(pk__in=[int(pk) for pk in ids if pk.isdigit()]).values("translation_key")
        for pk in model.objects.filter(translation_key__in=keys).values_list("pk", flat=True):
            urls.update(with_locales(f"{root}{prefix}/{pk}/"))
    return urls


def urls_for_page(page):
    from pages.models import StrategyPage

    translations = list(page.get_translations(inclusive=True).specific())
    shown_on = strategy_trees(translations)
    strategies = [p for p in shown_on if isinstance(p, StrategyPage)]
    return (
        page_urls([*translations, *shown_on])
        | api_urls_for_pages([*translations, *shown_on], strategies)
        | chosen_snippet_urls(translations)
    )


def own_urls(page):
    """The page's own answers in its language: its HTML, its API detail and its strategy's document."""
    from pages.models import StrategyPage

    root = default_site_url() + API
    urls = page_urls([page]) | {f"{root}pages/{page.pk}/{suffix}" for suffix in ("", "breadcrumbs/", "translations/")}
    strategy = StrategyPage.objects.ancestor_of(page, inclusive=True).first()
    if strategy is not None:
        urls.add(f"{root}strategies/{strategy.pk}/")
    return urls


def urls_for_follow_up(instance):
    from pages.models import StrategyPage

    changed = instance.round if isinstance(instance, ActorReport) else instance
    source = (
        FollowUpRound.objects.filter(translation_key=changed.translation_key, locale=Locale.get_default()).first()
        or changed
    )
    # Published or not: the one just unpublished must leave the CDN too.
    rounds = list(FollowUpRound.objects.filter(strategy_id=source.strategy_id, locale_id=source.locale_id))
    site = default_site_url()
    urls = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls.update(site + reverse("follow_up", args=[follow_up.year]) for follow_up in rounds)
    strategies = list(StrategyPage.objects.filter(translation_key=source.strategy.translation_key).specific())
    urls |= page_urls([strategy for strategy in strategies if strategy.live])
    root = f"{site}{API}follow-ups/"
    for follow_up in rounds:
        urls.update(with_locales(f"{root}{follow_up.pk}/"))
    for strategy in strategies:
        urls.add(f"{root}?strategy={strategy.pk}")
        urls.update(f"{root}?strategy={strategy.pk}&locale={code}" for code, _name in settings.LANGUAGES)
    return urls


def urls_for_snippet(snippet):
    from pages.models import StrategyPage
    from snippets.models import Contact

    if isinstance(snippet, (FollowUpRound, ActorReport)):
        return urls_for_follow_up(snippet)
    model = type(snippet)
    translations = list(model.objects.filter(translation_key=snippet.translation_key))
    if isinstance(snippet, Contact) and any(contact.in_emergency_banner for contact in translations):
        shown_on = list(all_pages())
        choosing = []
    else:
        page_ids = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(translation.pk) for translation in {snippet, *translations}],
        ).values_list("object_id", flat=True)
        choosing = list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]))
        shown_on = strategy_trees(choosing) if choosing else []
    strategies = [p for p in shown_on if isinstance(p, StrategyPage)]
    # The API answers of the pages that choose it may embed it too.
    urls = page_urls(shown_on) | api_urls_for_pages(choosing, strategies)
    prefix = COLLECTIONS.get(model)
    if prefix:
        root = default_site_url() + API + prefix + "/"
        urls.update(with_locales(root))
        for translation in {snippet, *translations}:
            urls.update(with_locales(f"{root}{translation.pk}/"))
    return urls


def urls_for_subtree(page):
    """The page as urls_for_page, and every page below it: a view restriction covers them all, and a
    move or a new slug changes all their addresses."""
    below = list(Page.objects.descendant_of(page).specific())
    return urls_for_page(page) | page_urls(below) | api_urls_for_pages(below, []) | chosen_snippet_urls(below)


def former_urls(page, url_path_before, url_path_after):
    """Where the page and the pages below it were before their url_path changed from one to the other."""
    urls = set()
    for current in [page, *Page.objects.descendant_of(page).specific()]:
        before = copy(current)
        before.url_path = url_path_before + current.url_path[len(url_path_after) :]
        urls |= page_urls([before])
    return urls


def urls_for_move(page, parent_page_before, url_path_before, url_path_after):
    return (
        urls_for_subtree(page)
        | former_urls(page, url_path_before, url_path_after)
        # The table of contents it has left.
        | urls_for_page(parent_page_before.specific)
    )


def urls_for_slug_change(page, url_path_before):
    return urls_for_subtree(page) | former_urls(page, url_path_before, page.url_path)


def urls_for_every_page(_instance=None):
    """Every page's HTML: the footer (the municipality's contact details) is on all of them.

    The API does not show it."""
    return page_urls(all_pages())
