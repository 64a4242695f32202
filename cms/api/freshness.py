"""One content version for the whole API: any publish, unpublish, move, new slug or delete starts a new one.

Cached API responses are keyed by the version, so the next request after a change
misses the cache and sees the change on every endpoint, including the ones that only
embed the changed object. Content changes are rare next to reads, so one global
version costs little and cannot miss an endpoint.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

KEY = "api-content-version"


def content_version(request=None):
    """(version, when it began): shared by every process through the cache.

    Given the request, it is read once per request however many middlewares ask.
    """
    if request is not None and hasattr(request, "_content_version"):
        return request._content_version
    current = cache.get(KEY)
    if current is None:
        cache.add(KEY, (uuid.uuid4().hex, timezone.now()), timeout=None)
        current = cache.get(KEY)
    if request is not None:
        request._content_version = current
    return current


def answer_key(kind, request, path):
    """The cache key of a stored answer: this build and content version, this host and path.

    A publish starts a new version and a deploy a new build (cms/build.py), so neither can
    serve an answer from before it.
    """
    version, _changed_at = content_version(request)
    raw = f"{settings.BUILD_ID}|{version}|{request.get_host()}|{path}"
    return f"{kind}:" + hashlib.sha256(raw.encode()).hexdigest()


def new_content_version(**kwargs):
    start_version()
    # Again once the change is committed: a reader between the signal and the commit still sees
    # the old rows and would cache them under the new version for as long as it lasts.
    transaction.on_commit(start_version)


def start_version():
    cache.set(KEY, (uuid.uuid4().hex, timezone.now()), timeout=None)


def on_delete(sender, instance, **kwargs):
    from snippets.models.publishable import PublishableSnippet

    from ..models import TranslationReview

    if isinstance(instance, Page | PublishableSnippet | PageViewRestriction | Site | Locale | TranslationReview):
        new_content_version()


def on_save(sender, instance, **kwargs):
    from wagtail_localize.models import TranslationSource

    from ..models import MunicipalityContactDetails, TranslationReview

    # Changing who may see a page, which sites and languages exist, when a translation source was
    # last synced (answers say whether a translation is out of date), whether a translation was
    # reviewed (pages show a notice until it is) or the footer's contact details changes answers too.
    if isinstance(
        instance,
        PageViewRestriction | Site | Locale | TranslationSource | TranslationReview | MunicipalityContactDetails,
    ):
        new_content_version()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed, published, unpublished):
        signal.connect(new_content_version, dispatch_uid=f"api-freshness-{id(signal)}")
    post_delete.connect(on_delete, dispatch_uid="api-freshness-delete")
    post_save.connect(on_save, dispatch_uid="api-freshness-save")
