"""The admin has Swedish for every string Wagtail, wagtail-localize and taggit show, and keeps their placeholders.

Their own Swedish catalogues leave strings out; locale/sv/LC_MESSAGES/django.po and djangojs.po fill
them in (Django puts LOCALE_PATHS first, for both domains). After an upgrade this lists the new
strings that still need Swedish.
"""

import re
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.conf import settings

PROJECT = Path(settings.BASE_DIR) / "locale"
THIRD_PARTY = ("wagtail", "taggit")


def translated(path):
    # Some packages ship only the compiled catalogue (wagtail_localize/locales has no sv .po).
    if path.exists():
        catalogue = polib.pofile(str(path))
    elif path.with_suffix(".mo").exists():
        catalogue = polib.mofile(str(path.with_suffix(".mo")))
    else:
        return set()
    entries = catalogue.translated_entries() if isinstance(catalogue, polib.POFile) else catalogue
    return {(e.msgctxt, e.msgid) for e in entries if e.msgstr or any(e.msgstr_plural.values())}


def catalogues(domain):
    """(English catalogue, the Swedish ones Django consults for it) for each third-party app."""
    project = translated(PROJECT / "sv" / "LC_MESSAGES" / f"{domain}.po")
    django_own = translated(Path(django.__file__).parent / "conf" / "locale" / "sv" / "LC_MESSAGES" / f"{domain}.po")
    installed = [Path(app.path) / "locale" for app in apps.get_app_configs()]
    everyone = set().union(*(translated(locale / "sv" / "LC_MESSAGES" / f"{domain}.po") for locale in installed))
    for app in apps.get_app_configs():
        english = Path(app.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if app.name.startswith(THIRD_PARTY) and english.exists():
            own = translated(Path(app.path) / "locale" / "sv" / "LC_MESSAGES" / f"{domain}.po")
            # Every app's django catalogue is merged into one; a JavaScript catalogue stands alone.
            swedish = project | (everyone | django_own if domain == "django" else own)
            yield app.name, english, swedish


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_admin_string_has_swedish(domain):
    missing = [
        (name, entry.msgctxt, entry.msgid)
        for name, english, swedish in catalogues(domain)
        for entry in polib.pofile(str(english))
        if not entry.obsolete and (entry.msgctxt, entry.msgid) not in swedish
    ]
    assert missing == []


PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}|</?[a-z]+[^>]*>")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def edges(text):
    """The white space a string starts and ends with: code may join it to something else."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


@pytest.mark.parametrize("path", sorted(PROJECT.glob("*/LC_MESSAGES/*.po")), ids=lambda p: str(p.relative_to(PROJECT)))
def test_translations_keep_placeholders_markup_and_edge_spaces(path):
    wrong = []
    for entry in polib.pofile(str(path)):
        if entry.msgid_plural:
            # A language's plural forms need not match English's two: each uses only what English offers.
            offered = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
            if any(not set(placeholders(form)) <= offered for form in entry.msgstr_plural.values()):
                wrong.append(entry.msgid)
        elif placeholders(entry.msgid) != placeholders(entry.msgstr) or edges(entry.msgid) != edges(entry.msgstr):
            wrong.append(entry.msgid)
    assert wrong == []


def test_publish_in_keeps_the_space_before_the_language():
    """wagtail-localize's editor shows "Publish in " + the language; its own Swedish drops the space."""
    catalogue = polib.pofile(str(PROJECT / "sv" / "LC_MESSAGES" / "djangojs.po"))
    assert catalogue.find("Publish in ").msgstr == "Publicera på "


# Arabic counts: 0 (none), 1 (the noun and "one", no digit), 2 (the dual, no digit), 3 to 10 (the plural
# noun), 11 to 99 (the singular noun after the number), 100 and up.
ARABIC_COUNTS = [0, 1, 2, 3, 11, 100]


def arabic_plural_entries():
    return [entry for entry in polib.pofile(str(PROJECT / "ar" / "LC_MESSAGES" / "django.po")) if entry.msgid_plural]


def test_arabic_has_its_six_plural_forms():
    catalogue = polib.pofile(str(PROJECT / "ar" / "LC_MESSAGES" / "django.po"))
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=6;")
    assert [entry.msgid for entry in arabic_plural_entries() if len(entry.msgstr_plural) != 6] == []


@pytest.mark.parametrize("entry", arabic_plural_entries(), ids=lambda entry: entry.msgid[:40])
def test_arabic_counts_read_as_arabic_counts(entry):
    from django.utils import translation

    values = {"query": "نص", "body": "", "date": "", "paragraph": "", "funder": ""}
    with translation.override("ar"):
        said = {
            n: translation.ngettext(entry.msgid, entry.msgid_plural, n) % {**values, "count": n, "counter": n}
            for n in ARABIC_COUNTS
        }
    number = {n: re.compile(rf"(?<!\d){n}(?!\d)") for n in ARABIC_COUNTS}
    # None, one and two are said in words ("لا", "واحدة", the dual), never as "0 …", "1 …", "2 …".
    assert [n for n in (0, 1, 2) if number[n].search(said[n])] == [], said
    assert [n for n in (3, 11, 100) if not number[n].search(said[n])] == [], said
    # Each of none, one, two, few and many is a different sentence, not the same words with another number.
    shapes = {n: number[n].sub("N", said[n]) for n in (0, 1, 2, 3, 11)}
    assert len(set(shapes.values())) == 5, said
