"""The termbase: agreed renderings of the strategy's terms, and the check of the shipped PO files against it.

The rules are described in pages/content/termbase.yaml itself, where translators read them.
"""

import re
from functools import cache
from pathlib import Path

import yaml

TERMBASE = Path(__file__).resolve().parent.parent / "content" / "termbase.yaml"
LANGUAGES = ("en", "fi", "ar")
# Link texts quote the titles of Swedish web pages, which stay what the page says; slugs stay Swedish.
LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)


@cache
def load_termbase():
    with TERMBASE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _forms(rendering):
    return [form.lower() for form in rendering.get("forms") or [rendering["term"]]]


def _outside_brackets(text):
    """The text with every (...) removed, to find a Swedish name where it is not bracketed."""
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", "", text)
    return text


def check_entry(termbase, language, msgctxt, msgid, msgstr):
    """Every way this translated segment departs from the termbase, as readable sentences."""
    problems = []
    if msgctxt.endswith(("|url_text", "|slug")):
        return problems
    source, target = LINK.sub("", msgid), LINK.sub("", msgstr)
    lowered = target.lower()
    for term in termbase["terms"]:
        rendering = term[language]
        if not re.search(term["match"], source, re.I):
            continue
        if msgid.strip() in [term["sv"], *term.get("sv_names", [])] and "name" in rendering:
            if msgstr != rendering["name"]:
                problems.append(f"{term['sv']!r} as a name must be {rendering['name']!r}")
            continue
        if not any(form in lowered for form in _forms(rendering)):
            problems.append(f"{term['sv']!r} must be rendered as {rendering['term']!r}")
        swedish = term.get("swedish")
        if swedish and re.search(swedish, source) and not re.search(swedish, rendering["term"]):
            if not re.search(r"\([^()]*" + swedish + r"[^()]*\)", target):
                problems.append(f"{term['sv']!r}: the Swedish name belongs in brackets after the rendering")
            elif re.search(swedish, _outside_brackets(target)):
                problems.append(f"{term['sv']!r}: the Swedish name appears outside brackets")
        if term.get("say"):
            prefix = termbase["say"][language].split("{words}")[0]
            quoted = re.findall(re.escape(prefix) + r'([^"]*)"', target)
            if not any(term["say"] in words for words in quoted):
                problems.append(f"{term['sv']!r}: keep the words to say, {termbase['say'][language]!r}")
    if language == "fi":
        for name in termbase["finnish_uninflected"]:
            # Inside brackets stands the Swedish original, in its own Swedish form.
            unbracketed = _outside_brackets(target)
            for found in re.finditer(re.escape(name) + r"(?=[:\w])", unbracketed):
                at = unbracketed[found.start() : found.end() + 6]
                problems.append(f"{name!r} takes a Finnish case ending at {at!r}")
    return problems


# A quotation in any of the languages' quotation marks.
QUOTED = re.compile(r"[“”\"«»„]([^“”\"«»„]*)[“”\"«»„]")


def check_catalogue(swedish, catalogue, language, termbase=None):
    """(msgid, Swedish, translation, problems) for every interface string that names a term otherwise.

    The interface catalogues' msgids are English; the Swedish catalogue gives the Swedish a term is
    found in, so a label such as "Indikationer på utsatthet" must read as the chapter of that name
    does. A quotation kept verbatim in both (a help text's example of Swedish input) is not rendered.
    """
    termbase = termbase or load_termbase()
    swedish_entries = {(entry.msgctxt, entry.msgid): entry for entry in swedish}
    for entry in catalogue:
        source = swedish_entries.get((entry.msgctxt, entry.msgid))
        if entry.obsolete or source is None:
            continue
        if entry.msgid_plural:
            # Swedish has two forms; every other language's form reads as one of them.
            pairs = [(source.msgstr_plural[min(index, 1)], form) for index, form in entry.msgstr_plural.items()]
        else:
            pairs = [(source.msgstr, entry.msgstr)]
        for original, translation in pairs:
            kept = [q for q in QUOTED.findall(original) if q in QUOTED.findall(translation)]
            for quotation in kept:
                original, translation = original.replace(quotation, ""), translation.replace(quotation, "")
            problems = check_entry(termbase, language, "interface|", original, translation)
            if problems:
                yield entry.msgid, original, translation, problems


def check_po(po, language, termbase=None):
    """(msgctxt, msgid, msgstr, problems) for every translated entry of a PO file that breaks the termbase."""
    termbase = termbase or load_termbase()
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        problems = check_entry(termbase, language, entry.msgctxt or "", entry.msgid, entry.msgstr)
        if problems:
            yield entry.msgctxt, entry.msgid, entry.msgstr, problems
