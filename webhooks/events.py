"""Which content changes become events, and what an event says.

Only what the public could see is announced, as cms/changes.py decides for the change feed too: a
page that is private (a view restriction on it or above it) or was never live is in no event, so
neither is its deletion; its title and URL are not the receiver's business. An event names every
API URL whose answer changed (`urls.api_changed`), the strategy documents that embed a changed
snippet included, as the CDN purge computes them.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.changes import public_change
from cms.models import ContentChange

from .models import Delivery, Endpoint


def api_url(instance):
    from cms.api.routers.snippets import COLLECTIONS
    from cms.caching.reach import default_site_url

    root = default_site_url() + "/api/v3/"
    if isinstance(instance, Page):
        return f"{root}pages/{instance.pk}/"
    prefix = COLLECTIONS.get(type(instance))
    return f"{root}{prefix}/{instance.pk}/" if prefix else None


def changed_api_urls(instance):
    from cms.caching.reach import API, urls_for_page, urls_for_snippet

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


# The change feed's actions as events; a page made private is not announced (its title and URL
# are no longer the public's), as a private page never is.
EVENTS = {
    ContentChange.Action.CREATED: "published",
    ContentChange.Action.UPDATED: "published",
    ContentChange.Action.UNPUBLISHED: "unpublished",
    ContentChange.Action.DELETED: "deleted",
}


def on_public_change(sender, instance, action, **kwargs):
    if action in EVENTS:
        emit("page" if isinstance(instance, Page) else "snippet", EVENTS[action], instance)


def connect():
    public_change.connect(on_public_change, dispatch_uid="webhooks-public-change")
