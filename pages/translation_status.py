"""Whether a translation lags behind its Swedish source, per language.

A translation is out of date when its source object was published after the source version the
translation was last built from. wagtail-localize records both halves: the TranslationSource's
`last_updated_at` (when someone last synced the source, for every language at once) and a
TranslationLog per language each time the translated object is built from the synced source.
The translation was built from a source no newer than the earlier of the two, and what readers
see (a page or a reviewed snippet) only changes when that build is published, so the published
date of the translation counts too: a translation submitted for review is out of date for readers
until it is approved. Checked in bulk: three queries per model, however many objects.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.module_loading import import_string
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import TranslationLog, TranslationSource


def source_language():
    """The source locale's language code, as Locale.get_default() finds it but without a query.

    Read on every API answer, so it must not cost one.
    """
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def stale_pairs(model, translation_keys, language_codes):
    """The (translation key, language) pairs whose source changed after that translation was built from it."""
    source = source_language()
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=translation_keys, locale__language_code=source).values_list(
            "object_id", "last_updated_at"
        )
    )
    built_at = {
        (key, code): at
        for key, code, at in TranslationLog.objects.filter(
            source__object_id__in=synced_at,
            source__locale__language_code=source,
            locale__language_code__in=language_codes,
        )
        .values("source__object_id", "locale__language_code")
        .annotate(at=Max("created_at"))
        .values_list("source__object_id", "locale__language_code", "at")
    }
    base = Page if issubclass(model, Page) else model
    published = issubclass(model, (Page, DraftStateMixin))
    rows = base.objects.filter(translation_key__in=synced_at, locale__language_code__in=[source, *language_codes])
    published_at = {
        (key, code): at
        for key, code, at in rows.values_list(
            "translation_key", "locale__language_code", "last_published_at" if published else "translation_key"
        )
    }
    stale = set()
    for key, synced in synced_at.items():
        changed = published_at.get((key, source))
        if changed is None or synced is None:
            continue
        for code in language_codes:
            if (key, code) not in published_at:
                continue
            built = [synced, built_at.get((key, code), synced)]
            if published and published_at[(key, code)] is not None:
                built.append(published_at[(key, code)])
            if changed > min(built):
                stale.add((key, code))
    return stale


def outdated_keys(model, translation_keys, language_code):
    """The subset of translation keys whose translation into the language lags behind the source."""
    return {key for key, _code in stale_pairs(model, translation_keys, [language_code])}


def translation_status(obj):
    """For API consumers: the source locale, whether this translation lags behind it, and whether
    a qualified translator has reviewed it (the source itself needs no review)."""
    return translation_statuses([obj])[obj.translation_key]


def translation_statuses(objects):
    """{translation key: translation_status} for objects of one model family (pages, or one snippet
    model) in one locale, in the same four queries however many there are."""
    source = source_language()
    if not objects:
        return {}
    # obj.locale is usually loaded already: the API shows every object's locale.
    code = objects[0].locale.language_code
    if code == source:
        return {
            obj.translation_key: {"source_locale": source, "outdated": False, "reviewed": True, "reviewed_at": None}
            for obj in objects
        }
    # Review records belong to the editorial workflow (cms), above this layer: named by a setting.
    reviewed = import_string(settings.TRANSLATION_REVIEWS)(objects)
    stale = outdated_keys(type(objects[0]), [obj.translation_key for obj in objects], code)
    return {
        obj.translation_key: {
            "source_locale": source,
            "outdated": obj.translation_key in stale,
            "reviewed": obj.translation_key in reviewed,
            "reviewed_at": reviewed.get(obj.translation_key),
        }
        for obj in objects
    }


def outdated_translations(models):
    """Every translated object of the given models whose source has changed since it was last built from it."""
    source_locale = Locale.get_default()
    found = []
    for model in models:
        translated = model.objects.exclude(locale=source_locale).select_related("locale")
        if issubclass(model, Page):
            translated = translated.filter(content_type=ContentType.objects.get_for_model(model))
        translated = list(translated)
        codes = {obj.locale.language_code for obj in translated}
        stale = stale_pairs(model, {obj.translation_key for obj in translated}, codes)
        found += [obj for obj in translated if (obj.translation_key, obj.locale.language_code) in stale]
    return found
