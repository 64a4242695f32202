"""Which content changes become events, and what an event says.

Only what the public could see is announced, as cms/changes.py decides for the change feed too: a
page that is private (a view restriction on it or above it) or was never live is in no event, so
neither is its deletion; its title and URL are not the receiver's business. A public page that a
view restriction hides is withdrawn like an unpublish (`page.unpublished`, so receivers drop it),
but without its title or HTML address, which are no longer the public's; lifting the restriction
publishes it again (`page.published`). An event names every
API URL whose answer changed (`urls.api_changed`), the strategy documents that embed a changed
snippet included, as the CDN purge computes them.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.api_paths import COLLECTIONS, PREFIX
from cms.caching.reach import API, default_site_url, urls_for_page, urls_for_snippet
from cms.changes import FOLLOW_UPS, kind_of, public_change, source_round
from cms.models import ContentChange

from .delivery import deliver
from .models import Delivery, Endpoint


def api_url(instance):
    root = default_site_url() + PREFIX
    if isinstance(instance, Page):
        return f"{root}pages/{instance.pk}/"
    if kind_of(instance) == FOLLOW_UPS:
        return f"{root}{FOLLOW_UPS}/{source_round(instance).pk}/?locale={instance.locale.language_code}"
    prefix = COLLECTIONS.get(type(instance))
    return f"{root}{prefix}/{instance.pk}/" if prefix else None


def changed_api_urls(instance):
    urls = urls_for_page(instance) if isinstance(instance, Page) else urls_for_snippet(instance)
    return sorted(url for url in urls if API in url)


def payload(kind, action, instance, private=False):
    return {
        "type": f"{kind}.{action}",
        "model": instance._meta.label_lower,
        "id": instance.pk,
        "translation_key": str(instance.translation_key),
        "locale": instance.locale.language_code,
        "title": None if private else str(instance),
        "urls": {
            "html": instance.full_url if isinstance(instance, Page) and action != "deleted" and not private else None,
            "api": api_url(instance) if action != "deleted" else None,
            "api_changed": changed_api_urls(instance),
        },
        "occurred_at": timezone.now().isoformat(),
    }


def emit(kind, action, instance, private=False):
    endpoints = list(Endpoint.objects.filter(active=True))
    if not endpoints:
        return
    event = payload(kind, action, instance, private)
    deliveries = Delivery.objects.bulk_create(
        [Delivery(endpoint=endpoint, event=event["type"], payload=event) for endpoint in endpoints]
    )
    # Enqueued after the commit: the worker must find the delivery, and the publish never waits for it.
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: deliver.enqueue(pk))


# The change feed's actions as events. For a receiver a page made private is gone, as if
# unpublished; a lifted restriction is recorded as an update, so it is published again.
EVENTS = {
    ContentChange.Action.CREATED: "published",
    ContentChange.Action.UPDATED: "published",
    ContentChange.Action.UNPUBLISHED: "unpublished",
    ContentChange.Action.DELETED: "deleted",
    ContentChange.Action.RESTRICTED: "unpublished",
}


def on_public_change(sender, instance, action, **kwargs):
    if action in EVENTS:
        kind = "page" if isinstance(instance, Page) else "snippet"
        emit(kind, EVENTS[action], instance, private=action == ContentChange.Action.RESTRICTED)


def connect():
    public_change.connect(on_public_change, dispatch_uid="webhooks-public-change")
