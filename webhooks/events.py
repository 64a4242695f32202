"""Which content changes become events, and what an event says.

Only what the public could see is announced: a page that is private (a view restriction on it or
above it) or was never live is in no event, so neither is its deletion; its title and URL are
not the receiver's business. An event names every API URL whose answer changed (`urls.api_changed`),
the strategy documents that embed a changed snippet included, as the CDN purge computes them.
"""

from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, published, unpublished

from .models import Delivery, Endpoint


def api_url(instance):
    from cms.api.content import default_site_url
    from cms.api.routers.snippets import COLLECTIONS

    root = default_site_url() + "/api/v3/"
    if isinstance(instance, Page):
        return f"{root}pages/{instance.pk}/"
    prefix = COLLECTIONS.get(type(instance))
    return f"{root}{prefix}/{instance.pk}/" if prefix else None


def changed_api_urls(instance):
    from cms.purge import API, urls_for_page, urls_for_snippet

    urls = urls_for_page(instance) if isinstance(instance, Page) else urls_for_snippet(instance)
    return sorted(url for url in urls if API in url)


def payload(kind, action, instance):
    return {
        "type": f"{kind}.{action}",
        "model": instance._meta.label_lower,
        "id": instance.pk,
        "translation_key": str(instance.translation_key),
        "locale": instance.locale.language_code,
        "title": str(instance),
        "urls": {
            "html": instance.full_url if isinstance(instance, Page) and action != "deleted" else None,
            "api": api_url(instance) if action != "deleted" else None,
            "api_changed": changed_api_urls(instance),
        },
        "occurred_at": timezone.now().isoformat(),
    }


def emit(kind, action, instance):
    endpoints = list(Endpoint.objects.filter(active=True))
    if not endpoints:
        return
    from .delivery import deliver

    event = payload(kind, action, instance)
    deliveries = Delivery.objects.bulk_create(
        [Delivery(endpoint=endpoint, event=event["type"], payload=event) for endpoint in endpoints]
    )
    # Enqueued after the commit: the worker must find the delivery, and the publish never waits for it.
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: deliver.enqueue(pk))


def is_private(page):
    return PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def on_page_published(sender, instance, **kwargs):
    if not is_private(instance):
        emit("page", "published", instance)


# Pages being deleted: Wagtail unpublishes a live page as it deletes it, and the deletion speaks for both.
deleting = set()


def on_page_unpublished(sender, instance, **kwargs):
    # A private page was never in a public answer: its disappearing changes none.
    if instance.pk not in deleting and not is_private(instance):
        emit("page", "unpublished", instance)


def is_snippet(instance):
    from snippets.models.publishable import PublishableSnippet

    return isinstance(instance, PublishableSnippet)


def on_published(sender, instance, **kwargs):
    if is_snippet(instance):
        emit("snippet", "published", instance)


def on_unpublished(sender, instance, **kwargs):
    if is_snippet(instance):
        emit("snippet", "unpublished", instance)


def on_delete(sender, instance, **kwargs):
    # Before the delete: the page's place in the tree and its view restrictions still exist.
    # A page's delete signals once per table of its type; the specific one speaks for it.
    if isinstance(instance, Page) and sender is type(instance) and sender is not Page:
        deleting.add(instance.pk)
        # A draft or private page was never announced, so neither is its deletion; an unpublished
        # page's withdrawal was announced when it was unpublished.
        if instance.live and not is_private(instance):
            emit("page", "deleted", instance)
    elif is_snippet(instance) and instance.live:
        emit("snippet", "deleted", instance)


def after_delete(sender, instance, **kwargs):
    if sender is Page:
        deleting.discard(instance.pk)


def connect():
    page_published.connect(on_page_published, dispatch_uid="webhooks-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks-page-unpublished")
    published.connect(on_published, dispatch_uid="webhooks-published")
    unpublished.connect(on_unpublished, dispatch_uid="webhooks-unpublished")
    pre_delete.connect(on_delete, dispatch_uid="webhooks-deleted")
    post_delete.connect(after_delete, dispatch_uid="webhooks-deleted-done")
