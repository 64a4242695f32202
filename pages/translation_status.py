"""Whether a translation lags behind its Swedish source, per language.

A translation is out of date when its source object was published after the source version the
translation was last built from. wagtail-localize records both halves: the TranslationSource's
`last_updated_at` (when someone last synced the source, for every language at once) and a
TranslationLog per language each time the translated object is built from the synced source.
The translation was built from a source no newer than the earlier of the two, and what readers
see (a page or a reviewed snippet) only changes when that build is published, so the published
date of the translation counts too: a translation submitted for review is out of date for readers
until it is approved. Checked in bulk: one query per model, however many objects.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.utils.module_loading import import_string
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import TranslationLog, TranslationSource


def source_language():
    """The source locale's language code, as Locale.get_default() finds it but without a query.

    Read on every API answer, so it must not cost one.
    """
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def dated_rows(model, translation_keys, language_codes, reviewed=False):
    """{(translation key, language): row} for the objects with these keys in the source language and in
    these languages, with what staleness is judged by, in one query: `last_published_at` (for objects
    that are published), `synced` (their source's last sync), `built` (the latest build of this
    translation from that source) and, with `reviewed`, `reviewed` (when a review was last recorded)."""
    source = source_language()
    base = Page if issubclass(model, Page) else model
    published = issubclass(model, (Page, DraftStateMixin))
    sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale__language_code=source)
    builds = TranslationLog.objects.filter(
        source__object_id=OuterRef("translation_key"),
        source__locale__language_code=source,
        locale_id=OuterRef("locale_id"),
    ).order_by("-created_at")
    dates = {
        "synced": Subquery(sources.values("last_updated_at")[:1]),
        "built": Subquery(builds.values("created_at")[:1]),
    }
    if reviewed:
        # Review records belong to the editorial workflow (cms), above this layer: named by a setting.
        dates["reviewed"] = import_string(settings.TRANSLATION_REVIEW_DATE)()
    fields = ["translation_key", "locale__language_code", *dates, *(["last_published_at"] if published else [])]
    rows = base.objects.filter(
        translation_key__in=translation_keys, locale__language_code__in=[source, *language_codes]
    ).annotate(**dates)
    return {(row["translation_key"], row["locale__language_code"]): row for row in rows.values(*fields)}


def stale_pairs(model, translation_keys, language_codes, rows=None):
    """The (translation key, language) pairs whose source changed after that translation was built from it
    (`rows`: what `dated_rows` read for them, if the caller has it)."""
    source = source_language()
    rows = dated_rows(model, translation_keys, language_codes) if rows is None else rows
    stale = set()
    for (key, code), row in rows.items():
        origin = rows.get((key, source))
        # When the source last changed: its publication (an object that is never published is never stale).
        changed = origin.get("last_published_at") if origin else None
        synced = row["synced"]
        if code == source or code not in language_codes or changed is None or synced is None:
            continue
        built = [synced, row["built"] or synced]
        if row.get("last_published_at") is not None:
            built.append(row["last_published_at"])
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
    model) in one locale, in one query however many there are."""
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
    rows = dated_rows(type(objects[0]), [obj.translation_key for obj in objects], [code], reviewed=True)
    stale = stale_pairs(type(objects[0]), None, [code], rows=rows)
    recorded = {key: row["reviewed"] for (key, row_code), row in rows.items() if row_code == code and row["reviewed"]}
    reviewed = import_string(settings.TRANSLATION_REVIEWS)(objects, recorded=recorded)
    return {
        obj.translation_key: {
            "source_locale": source,
            "outdated": (obj.translation_key, code) in stale,
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
