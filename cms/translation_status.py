"""Whether a translation lags behind its Swedish source.

A translation is out of date when its source object was published after wagtail-localize
last read the source (the TranslationSource's `last_updated_at`): the source changed and
nobody has synced the translation since. Checked in bulk: two queries per model.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource


def source_language():
    """The source locale's language code, as Locale.get_default() finds it but without a query.

    Read on every API answer, so it must not cost one.
    """
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def outdated_keys(model, translation_keys):
    """The subset of translation keys whose source object changed after its translations were last synced."""
    source = source_language()
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=translation_keys, locale__language_code=source).values_list(
            "object_id", "last_updated_at"
        )
    )
    base = Page if issubclass(model, Page) else model
    published_at = dict(
        base.objects.filter(translation_key__in=synced_at, locale__language_code=source).values_list(
            "translation_key", "last_published_at"
        )
    )
    return {
        key
        for key, synced in synced_at.items()
        if published_at.get(key) is not None and synced is not None and published_at[key] > synced
    }


def translation_status(obj):
    """For API consumers: the source locale, whether this translation lags behind it, and whether
    a qualified translator has reviewed it (the source itself needs no review)."""
    from .translation_review import reviews

    source = source_language()
    # obj.locale is usually loaded already: the API shows every object's locale.
    if obj.locale.language_code == source:
        return {"source_locale": source, "outdated": False, "reviewed": True, "reviewed_at": None}
    reviewed_at = reviews([obj]).get(obj.translation_key)
    return {
        "source_locale": source,
        "outdated": obj.translation_key in outdated_keys(type(obj), [obj.translation_key]),
        "reviewed": reviewed_at is not None,
        "reviewed_at": reviewed_at,
    }


def outdated_translations(models):
    """Every translated object of the given models whose source has changed since the last sync."""
    source_locale = Locale.get_default()
    found = []
    for model in models:
        translated = model.objects.exclude(locale=source_locale).select_related("locale")
        if issubclass(model, Page):
            translated = translated.filter(content_type=ContentType.objects.get_for_model(model))
        translated = list(translated)
        stale = outdated_keys(model, {obj.translation_key for obj in translated})
        found += [obj for obj in translated if obj.translation_key in stale]
    return found
