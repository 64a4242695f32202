"""Shipped translations: one PO file per locale, imported through wagtail-localize like a translator's upload.

Each entry's msgctxt is "<object>|<wagtail-localize context>", where <object> names a
packaged item ("contacts:mikamottagningen", "page:strategy/aktorer"). The loader
splits the file per object and takes the path a PO upload in the admin takes:
translation source, translation, PO import, save and publish the target.
"""

from pathlib import Path

import polib
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from ..models import ChapterPage, HomePage, StrategyPage
from .keys import translation_key
from .reader import SITE_PAGE_TYPES, SNIPPET_KINDS

LOCALE_DIR = Path(__file__).resolve().parent.parent / "content" / "locale"
SEPARATOR = "|"


def packaged_objects(data, locale):
    """(reference, source instance) for every packaged snippet and page, in the package's order."""

    for kind, (model, _fields) in SNIPPET_KINDS.items():
        for item in data.get(kind) or []:
            yield (
                f"{kind}:{item['key']}",
                model.objects.get(translation_key=translation_key(kind, item["key"]), locale=locale),
            )
    yield "page:home", HomePage.objects.get(translation_key=translation_key("page", "home"), locale=locale)
    strategy = data["strategy"]
    yield (
        "page:strategy",
        StrategyPage.objects.get(translation_key=translation_key("page", strategy["slug"]), locale=locale),
    )

    def chapters(items, path):
        for chapter in items:
            here = f"{path}/{chapter['slug']}"
            yield f"page:{here}", ChapterPage.objects.get(translation_key=translation_key("page", here), locale=locale)
            yield from chapters(chapter.get("children") or [], here)

    yield from chapters(strategy.get("chapters") or [], "strategy")

    for item in data.get("site_pages") or []:
        model, _fields = SITE_PAGE_TYPES[item["type"]]
        key = f"site/{item['key']}"
        yield f"page:{key}", model.objects.get(translation_key=translation_key("page", key), locale=locale)


# Written on every export: the shipped texts were made with machine assistance, and whoever opens
# the file (or the next export of it) must know they are not yet an official translation. Whether a
# qualified translator has reviewed a text is recorded per page and snippet in the admin, not here.
REVIEW_MARKER = "machine-assisted; awaiting review by a qualified translator"
HEADER = (
    "Translations of the strategy content package, produced by the development team with machine\n"
    "assistance. They are awaiting review by qualified translators; until a text is reviewed, the\n"
    "Swedish source applies. Approvers record reviews in the admin (Translation review)."
)


def export_po(data, source_locale, target_locale):
    """Every translatable string of the package, with the translations already made for the target locale."""
    po = polib.POFile(wrapwidth=0)
    po.header = HEADER
    po.metadata = {
        "Project-Id-Version": "strategy content package",
        "Language": target_locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Translation-Status": REVIEW_MARKER,
    }
    for reference, instance in packaged_objects(data, source_locale):
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation = Translation.objects.filter(source=source, target_locale=target_locale).first()
        for entry in (translation or source).export_po():
            if entry.obsolete:
                continue
            po.append(
                polib.POEntry(msgctxt=f"{reference}{SEPARATOR}{entry.msgctxt}", msgid=entry.msgid, msgstr=entry.msgstr)
            )
    return po


def shipped_locales():
    return sorted(path.stem for path in LOCALE_DIR.glob("*.po"))


def read_po(language_code):
    return polib.pofile(str(LOCALE_DIR / f"{language_code}.po"), wrapwidth=0)


def import_po(data, source_locale, target_locale, po, log=print):
    """Translate and publish every packaged object that the PO file covers; untouched ones stay as they are."""
    by_reference = {}
    for entry in po:
        if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags:
            continue
        reference, _, context = entry.msgctxt.partition(SEPARATOR)
        by_reference.setdefault(reference, []).append(
            polib.POEntry(msgctxt=context, msgid=entry.msgid, msgstr=entry.msgstr)
        )

    counts = {"translated": 0, "unchanged": 0}
    for reference, instance in packaged_objects(data, source_locale):
        entries = by_reference.get(reference)
        if not entries:
            continue
        source, source_changed = TranslationSource.update_or_create_from_instance(instance)
        translation, created = Translation.objects.get_or_create(source=source, target_locale=target_locale)
        before = {(e.msgctxt, e.msgid): e.msgstr for e in translation.export_po() if not e.obsolete}
        if all(before.get((entry.msgctxt, entry.msgid)) == entry.msgstr for entry in entries):
            # Every string already has this translation in this context, so wagtail-localize's import would
            # only read (it writes a string's translation only when the text differs): a reload of the
            # unchanged package spent most of its time there, a few queries per string.
            after = before
        else:
            sub_po = polib.POFile()
            sub_po.extend(entries)
            translation.import_po(sub_po, tool_name="content package")
            after = {(e.msgctxt, e.msgid): e.msgstr for e in translation.export_po() if not e.obsolete}
        target = instance.get_translation_or_none(target_locale)
        if created or source_changed or before != after or target is None or not target.live:
            publish_translation(translation, instance, target_locale)
            counts["translated"] += 1
        else:
            counts["unchanged"] += 1
    log(f"{target_locale.language_code}: {counts['translated']} translated, {counts['unchanged']} unchanged")
    return counts


def publish_translation(translation, instance, target_locale):
    """Save the target from the translated strings and publish it now.

    wagtail-localize's own publish waits for the transaction to commit, and then publishes
    the page object it held when saving; by then the loader has added the page's children,
    and that stale object would reset the page's child count in the tree to zero.
    """
    translation.save_target(publish=False)
    target = type(instance).objects.get(translation_key=instance.translation_key, locale=target_locale)
    target.latest_revision.publish()


def ensure_locales(codes):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
