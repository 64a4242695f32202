"""Whether a translation lags behind its Swedish source.

A translation is out of date when its source object was published after wagtail-localize
last read the source (the TranslationSource's `last_updated_at`): the source changed and
nobody has synced the translation since. Checked in bulk: two queries per model.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource


def outdated_keys(model, translation_keys):
    """The subset of translation keys whose source object changed after its translations were last synced."""
    source_locale = Locale.get_default()
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=translation_keys, locale=source_locale).values_list(
            "object_id", "last_updated_at"
        )
    )
    base = Page if issubclass(model, Page) else model
    published_at = dict(
        base.objects.filter(translation_key__in=synced_at, locale=source_locale).values_list(
            "translation_key", "last_published_at"
        )
    )
    return {
        key
        for key, synced in synced_at.items()
        if published_at.get(key) is not None and synced is not None and published_at[key] > synced
    }


def translation_status(obj):
    """For API consumers: the source locale and whether this translation lags behind it."""
    source_locale = Locale.get_default()
    if obj.locale_id == source_locale.pk:
        return {"source_locale": source_locale.language_code, "outdated": False}
    return {
        "source_locale": source_locale.language_code,
        "outdated": obj.translation_key in outdated_keys(type(obj), [obj.translation_key]),
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
