"""Which content changes become events, and what an event says."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from wagtail.models import Page
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


def on_page_published(sender, instance, **kwargs):
    emit("page", "published", instance)


def on_page_unpublished(sender, instance, **kwargs):
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
    # A page's delete signals once per table of its type; the specific one speaks for it.
    if isinstance(instance, Page) and sender is type(instance) and sender is not Page:
        emit("page", "deleted", instance)
    elif is_snippet(instance):
        emit("snippet", "deleted", instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="webhooks-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="webhooks-page-unpublished")
    published.connect(on_published, dispatch_uid="webhooks-published")
    unpublished.connect(on_unpublished, dispatch_uid="webhooks-unpublished")
    post_delete.connect(on_delete, dispatch_uid="webhooks-deleted")
