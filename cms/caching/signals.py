"""Which changes renew which cached answers: a publish, unpublish, move, new slug, view restriction
or delete renews the answers that show the changed object (reach.py). After the commit the answers
readers read are rendered under the new versions, readers are switched to them, the warm-up renders
what that left (warm.py) and the CDN drops them all (cms/purge.py): one computation of the reach per
change serves them all. What has no computed reach renews everything, logged.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from ..purge import purge
from . import reach
from .versions import Prepared, Switch, renew_everything
from .warm import render_before_switch, warm_later


def changed(urls, first=()):
    """Renew the answers at these URLs once the change is committed (at once outside a transaction, as
    Wagtail publishes), `first` (the changed object's own answers) rendered before the rest; this
    transaction's own reads see them renewed at once."""
    Prepared.change(urls, first, committed)


def committed(switch, render=True):
    urls = sorted(switch.urls)
    before = switch.shared()
    left = urls
    try:
        if render:
            left = render_before_switch(urls, switch)
    finally:
        # Whatever the renders did, the change is committed: readers must see it from now on.
        switch.switch(before)
    warm_later(left, switch.first)
    purge(urls)


def changed_everything(reason):
    renew_everything(reason)
    transaction.on_commit(lambda: renew_everything(reason))


def moves_a_site_root(page):
    # Every page's URL is built from where its site's root is: a move there reaches every answer.
    return page.depth <= 2


def on_page_change(sender, instance, **kwargs):
    # Deleting a live page unpublishes it first (Wagtail's pre_delete), so deletes arrive here too.
    changed(reach.urls_for_page(instance), first=reach.own_urls(instance))


def on_snippet_change(sender, instance, **kwargs):
    from snippets.models.publishable import PublishableSnippet

    if isinstance(instance, Page):
        return  # page_published and page_unpublished tell
    if isinstance(instance, PublishableSnippet):
        changed(reach.urls_for_snippet(instance))
    else:
        changed_everything(f"{type(instance).__name__} {instance.pk} published or unpublished")


def on_page_move(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    if moves_a_site_root(page) or parent_page_before.depth < 2:
        changed_everything(f"page {page.pk} moved at the top of a site")
    else:
        changed(reach.urls_for_move(page, parent_page_before, url_path_before, url_path_after))


def on_slug_change(sender, instance, instance_before, **kwargs):
    page = Page.objects.get(pk=instance.pk).specific
    if moves_a_site_root(page):
        changed_everything(f"a site's root page {page.pk} has a new slug")
    elif transaction.get_connection().in_atomic_block:
        changed(reach.urls_for_slug_change(page, instance_before.url_path))
    else:
        # Wagtail tells of a new slug from its own commit hook, once per page a content load moves
        # (44 times), and rendering after each made the load take a minute longer: switch at once and
        # leave the renders to the warm-up, which takes the burst in one run.
        committed(Switch(set(reach.urls_for_slug_change(page, instance_before.url_path)), set()), render=False)


def on_view_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).specific().first()
    if page is None:
        changed_everything(f"view restriction {instance.pk} of a page that is gone")
    else:
        changed(reach.urls_for_subtree(page))


def publishable_models():
    from django.apps import apps

    from snippets.models.publishable import PublishableSnippet

    return [model for model in apps.get_models() if issubclass(model, PublishableSnippet)]


def object_of(translation_key, model=None):
    """The page or snippet with this translation key (any language), or None."""
    for candidate in [model] if model is not None else [Page, *publishable_models()]:
        if issubclass(candidate, Page):
            found = Page.objects.filter(translation_key=translation_key).specific().first()
        elif candidate in publishable_models():
            found = candidate.objects.filter(translation_key=translation_key).first()
        else:
            continue
        if found is not None:
            return found
    return None


def changed_translation(translation_key, model, what):
    """A translation's source synced or its review recorded or removed: the object's answers say
    whether the translation is out of date or reviewed."""
    obj = object_of(translation_key, model)
    if isinstance(obj, Page):
        changed(reach.urls_for_page(obj))
    elif obj is not None:
        changed(reach.urls_for_snippet(obj))
    else:
        changed_everything(what)


def on_save(sender, instance, **kwargs):
    from wagtail_localize.models import TranslationSource

    from ..contact_details import MunicipalityContactDetails
    from ..models import TranslationReview

    if isinstance(instance, PageViewRestriction):
        on_view_restriction_change(sender, instance)
    elif isinstance(instance, Site | Locale):
        changed_everything(f"{type(instance).__name__} {instance.pk} saved")
    elif isinstance(instance, TranslationSource):
        model = instance.specific_content_type.model_class()
        changed_translation(instance.object_id, model, f"translation source {instance.pk} of an unknown object")
    elif isinstance(instance, TranslationReview):
        changed_translation(instance.translation_key, None, f"translation review {instance.pk} of an unknown object")
    elif isinstance(instance, MunicipalityContactDetails):
        # The footer of every page shows them; the API does not.
        changed(reach.urls_for_every_page())


def on_pre_delete(sender, instance, **kwargs):
    from snippets.models.publishable import PublishableSnippet

    # Before the rows go: where a snippet is shown is read from the reference index.
    if isinstance(instance, PublishableSnippet):
        changed(reach.urls_for_snippet(instance))


def on_delete(sender, instance, **kwargs):
    from ..models import TranslationReview

    if isinstance(instance, Page):
        # A live page was unpublished first (on_page_change); a draft showed nowhere but its own
        # API answers, which a reader could not see.
        changed(reach.api_urls_for_pages([instance], []))
    elif isinstance(instance, PageViewRestriction):
        on_view_restriction_change(sender, instance)
    elif isinstance(instance, Site | Locale):
        changed_everything(f"{type(instance).__name__} {instance.pk} deleted")
    elif isinstance(instance, TranslationReview):
        changed_translation(instance.translation_key, None, f"translation review {instance.pk} of an unknown object")


def connect():
    page_published.connect(on_page_change, dispatch_uid="caching-page-published")
    page_unpublished.connect(on_page_change, dispatch_uid="caching-page-unpublished")
    published.connect(on_snippet_change, dispatch_uid="caching-published")
    unpublished.connect(on_snippet_change, dispatch_uid="caching-unpublished")
    post_page_move.connect(on_page_move, dispatch_uid="caching-page-moved")
    page_slug_changed.connect(on_slug_change, dispatch_uid="caching-slug-changed")
    pre_delete.connect(on_pre_delete, dispatch_uid="caching-pre-delete")
    post_delete.connect(on_delete, dispatch_uid="caching-delete")
    post_save.connect(on_save, dispatch_uid="caching-save")
