"""Short explanations of Swedish names for readers of the translated site.

Translations keep an institution's Swedish name ("Police (Polisen)", decision 0005), because the
reader needs it in Sweden; a reader who does not know Sweden also needs to know what it is. The
explanation is one plain sentence on the actor or concept (its `explanation` field, translated like
every other field), shown once per page: after the first mention of the name in running text.

Why visible text in the flow, and not <abbr title>, <dfn> or a <details> disclosure: a title shows
only on hover, which phones and keyboards do not have; <details> is a block and cannot sit inside
the sentence that names the institution (the parser would end the paragraph there), and a reader in
a hurry would have to find and open it. A short bracketed sentence is read by everyone, on every
screen, by screen readers in reading order, and it prints.

The HTML is edited as text, between tags, so that nothing else of the page changes byte for byte.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from wagtail.models import Locale

from snippets.models import Actor, Concept

# A mention inside these is not explained: headings and link texts must stay short and are not
# where a sentence is read; a table's header cells label their rows; script and style are not text.
HEADINGS = {f"h{level}" for level in range(1, 7)}
SKIPPED = frozenset({"a", "button", "label", "summary", "th", *HEADINGS, "code", "pre", "option", "textarea"})
NOT_TEXT = frozenset({"script", "style", "title"})
MARK_CLASS = "name-explanation"
TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)([^>]*)>")
# After a name: a Finnish head word attached with a hyphen ("Migrationsverket-virastolla"), or the
# rest of a proper name ("Länsstyrelsen Västerbotten"); the explanation follows the whole name.
CONTINUATION = re.compile(r"(?:-\w+|(?: [A-ZÅÄÖ][\w-]*){1,2})")


@dataclass(frozen=True)
class Explained:
    names: tuple[str, ...]
    explanation: str


def explanations(locale_id):
    """What the translated pages in this language explain, and the names each is found by.

    A translation writes the name in its own language with the Swedish one in brackets, or keeps the
    Swedish name: both are looked for. Live snippets only, in four queries however many there are.
    """
    source = Locale.get_default()
    if locale_id is None or locale_id == source.pk:
        return []
    found = []
    for model, fields in ((Actor, ("name", "full_name")), (Concept, ("term",))):
        translated = list(
            model.objects.filter(locale_id=locale_id, live=True)
            .exclude(explanation="")
            .values_list("translation_key", "explanation", *fields)
        )
        swedish = {
            key: names
            for key, *names in model.objects.filter(
                locale=source, live=True, translation_key__in=[row[0] for row in translated]
            ).values_list("translation_key", *fields)
        }
        for key, explanation, *names in translated:
            candidates = [*swedish.get(key, []), *names]
            found.append(Explained(tuple(dict.fromkeys(name for name in candidates if name)), explanation))
    return found


def explain_names(html, items):
    """The HTML with each item's explanation after the first mention of one of its names."""
    if not items:
        return html
    by_name = {}
    for index, item in enumerate(items):
        for name in item.names:
            # As a template writes it (escaped) and as rich text stores it (an apostrophe as it is).
            by_name.setdefault(escape(name), index)
            by_name.setdefault(name, index)
    # Longest first, so "Region Västerbotten, psykiatriska kliniken" wins over a shorter name in it.
    alternatives = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?!\w)")
    done = set()
    skipped = {}
    out = []
    for token in TOKENS.split(html):
        if token.startswith("<"):
            out.append(token)
            track(token, skipped)
            continue
        if any(skipped.values()) or len(done) == len(items):
            out.append(token)
            continue
        out.append(explain_text(token, pattern, by_name, items, done))
    return "".join(out)


def track(tag, skipped):
    match = TAG.match(tag)
    if not match:
        return
    closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
    marked = f'class="{MARK_CLASS}"' in rest
    if name in SKIPPED | NOT_TEXT or marked or name in skipped:
        if closing:
            skipped[name] = max(0, skipped.get(name, 0) - 1)
        elif name in SKIPPED | NOT_TEXT or marked:
            skipped[name] = skipped.get(name, 0) + 1


def explain_text(text, pattern, by_name, items, done):
    parts = []
    position = 0
    for match in pattern.finditer(text):
        index = by_name[match.group(1)]
        if index in done or match.start() < position:
            continue
        done.add(index)
        end = mention_end(text, match)
        explanation = format_html('<span class="{}"> [{}]</span>', MARK_CLASS, items[index].explanation)
        parts += [text[position:end], explanation]
        position = end
    return "".join(parts) + text[position:]


def mention_end(text, match):
    """Where the whole mention ends: after its brackets when the name is the Swedish one in "Police (Polisen)"."""
    end = match.end()
    continuation = CONTINUATION.match(text, end)
    if continuation:
        end = continuation.end()
    opened = text.rfind("(", 0, match.start())
    if opened != -1 and ")" not in text[opened : match.start()]:
        closing = text.find(")", end)
        if closing != -1:
            end = closing + 1
    return end
