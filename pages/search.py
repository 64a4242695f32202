"""Site search: live public pages of one language, and the pages that show the snippets that match.

Snippets (contacts, actors, concepts…) are not pages, so a snippet that matches leads the
reader to the pages that show it, found through Wagtail's reference index. Only snippets that a
live public page of the site shows are searched, the rule of the API (decision 0011).

The order is the project's, not the backend's: SQLite ranks by bm25 and PostgreSQL by ts_rank,
neither knows that a page defining a term or listing whom to call answers a reader better than a
page mentioning it in passing. So results are ranked here, the same on every database: a page
whose title has the words, then pages that show a matching concept or contact, then pages that
show another matching snippet, then the rest; within each, the backend's own relevance order.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelsearch import index
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from pages.bidi import ltr
from pages.search_text import MAX_QUERY_LENGTH, search_words
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

MAX_HITS = 100
SEARCHABLE_SNIPPETS = (Contact, Actor, Concept, Goal, IndicatorCategory, Resource)
# What answers a question rather than mentions it: a definition, someone to call.
ANSWERS = (Concept, Contact)
PASSAGE_WORDS = 30
# A line a reader takes in at a glance; a search for "hjälp" matches every contact.
MAX_MENTIONS = 5
WORD = re.compile(r"\w+")
# A phone number, date or count: "114 14", "020-61 60 60", a range of ages.
NUMBER = re.compile(r"\d[\d \-\u2013]*\d")

TITLE, ANSWER, SNIPPET, TEXT = range(4)


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in the reader's language."""

    status = 400


class NoWords(QueryError):
    """Only punctuation or symbols: nothing wrong was asked, there is just nothing to look for."""

    status = 200


@dataclass
class Result:
    page: Page
    snippets: list = field(default_factory=list)
    position: int = MAX_HITS
    rank: int = TEXT
    passage: str = ""

    @cached_property
    def matches(self):
        """The names of the matching snippets the page shows, each name once (mention_names)."""
        return mention_names(self.snippets)

    @property
    def mentions(self):
        return [ltr_numbers(name) for name in self.matches[:MAX_MENTIONS]]

    @property
    def more_mentions(self):
        return max(0, len(self.matches) - MAX_MENTIONS)


def swedish_variants(word):
    """The word and its indefinite form where Swedish adds a definite ending the Snowball stemmer keeps.

    PostgreSQL's swedish configuration stems "kvinnor" and "kvinna" alike, but leaves
    "människohandeln", "kvinnan" and "stödet" as they are, so they would not find
    "människohandel", "kvinna" or "stöd".
    """
    variants = [word]
    if len(word) > 5 and word.endswith("et"):
        variants.append(word[:-2])
    if len(word) > 4 and word.endswith("n"):
        variants.append(word[:-1])
    return variants


def query_words(text):
    """The lower-cased words of the query, checked: QueryError when it cannot be searched."""
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(_("Search for at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH})
    if not text:
        return []
    words = [word.lower() for word in search_words(text)]
    if not words:
        raise NoWords(_("Type one or more words to search for."))
    return words


def build_query(text):
    words = query_words(text)
    if not words:
        return None
    return words_query(words)


def words_query(words):
    # Every word must match, in one of its forms.
    return And([Or([PlainText(variant) for variant in swedish_variants(word)]) for word in words])


def search_site(text, locale, root):
    """Results for the words in `text`, in the language of `locale`, under the site root `root`, best first."""
    words = query_words(text)
    if not words:
        return []
    query = words_query(words)
    site_pages = Page.objects.live().public().filter(locale=locale).descendant_of(root, inclusive=True)
    hits = site_pages.search(query, order_by_relevance=True)[:MAX_HITS]
    results = {page.pk: Result(page, position=position) for position, page in enumerate(hits)}

    matches = snippet_matches(query, locale, site_pages)
    if matches:
        shown_on = pages_showing(matches)
        extra = site_pages.filter(pk__in=shown_on.keys()).exclude(pk__in=results.keys()).order_by("path")
        for page in extra:
            results[page.pk] = Result(page)
        for page_id, snippets in shown_on.items():
            if page_id in results:
                results[page_id].snippets = snippets
    for result in results.values():
        result.rank = rank(result, words)
    return sorted(results.values(), key=lambda result: (result.rank, result.position, result.page.path))


def rank(result, words):
    if all_words_in(result.page.title, words):
        return TITLE
    if any(isinstance(snippet, ANSWERS) for snippet in result.snippets):
        return ANSWER
    if result.snippets:
        return SNIPPET
    return TEXT


def shown_snippets(site_pages, types):
    """{(content type id, object id as text)} of the snippets that `site_pages` choose in their live
    content: the reference index holds what a page row chooses, and a live page's row is published."""
    pages = site_pages.annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    return set(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages,
            to_content_type__in=types.values(),
        ).values_list("to_content_type_id", "to_object_id")
    )


def snippet_matches(query, locale, site_pages):
    """{(content type id, object id as text): snippet} for every matching live snippet of the locale that
    a page of `site_pages` (live, public, this site) shows: the public-snippet rule of the API
    (docs/decisions/0011-public-snippets.md). A snippet only private pages, drafts or no page choose is
    not found, nor can such snippets crowd the ones that can be found out of the first MAX_HITS."""
    types = ContentType.objects.get_for_models(*SEARCHABLE_SNIPPETS)
    shown = shown_snippets(site_pages, types)
    backend = get_search_backend()
    found = {}
    for model in SEARCHABLE_SNIPPETS:
        if not any(type_id == types[model].pk for type_id, _pk in shown):
            continue
        snippets = model.objects.filter(live=True, locale=locale)
        if model is Actor:
            # An actor is named with the organisation it belongs to.
            snippets = snippets.select_related("parent")
        # Filtered here, not in the query: search backends filter only on declared FilterFields, and
        # the live snippets of one language are few.
        hits = (s for s in backend.search(query, snippets) if (types[model].pk, str(s.pk)) in shown)
        for snippet in islice(hits, MAX_HITS):
            found[(types[model].pk, str(snippet.pk))] = snippet
    return found


def pages_showing(matches):
    """{page id: [snippets]}: the pages whose content refers to the matching snippets."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type_id__in={type_id for type_id, _pk in matches},
        to_object_id__in={pk for _type, pk in matches},
    ).values_list("object_id", "to_content_type_id", "to_object_id")
    shown_on = {}
    for page_id, type_id, object_id in references:
        snippet = matches.get((type_id, object_id))
        if snippet is not None and snippet not in shown_on.setdefault(int(page_id), []):
            shown_on[int(page_id)].append(snippet)
    return shown_on


def mention_names(snippets):
    """Each name once: an organisation's units under its name, and its number when it is also a
    listed contact: "Skellefteå kommun (0910-73 50 00; Socialkontoret, Utbildning och arbetsmarknad)"."""
    names = {}
    for snippet in snippets:
        # An unpublished organisation's row may hold a name never published: the unit stands alone.
        if isinstance(snippet, Actor) and snippet.parent_id and snippet.parent.live:
            name, detail = snippet.parent.name, ("unit", snippet.name)
        elif isinstance(snippet, Contact):
            name, detail = snippet.name, ("phone", snippet.phone)
        elif isinstance(snippet, Actor):
            name, detail = snippet.name, None
        else:
            name, detail = str(snippet), None
        details = names.setdefault(name, {"phone": set(), "unit": set()})
        if detail and detail[1]:
            details[detail[0]].add(detail[1])
    shown = []
    for name, details in sorted(names.items()):
        inner = "; ".join(", ".join(sorted(details[kind])) for kind in ("phone", "unit") if details[kind])
        shown.append(f"{name} ({inner})" if inner else name)
    return shown


# Passages -----------------------------------------------------------------------------------------


def word_matches(token, words):
    token = token.lower()
    return any(token.startswith(variant) for word in words for variant in swedish_variants(word))


def all_words_in(text, words):
    tokens = WORD.findall(text)
    return all(any(word_matches(token, [word]) for token in tokens) for word in words)


def searchable_texts(obj):
    """The text of the object's indexed model fields (rich text and stream fields as plain text)."""
    texts = []
    for search_field in obj.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            search_field.get_field(type(obj))
        except FieldDoesNotExist:
            # A method (such as a contact's help words) is not text the reader sees on the page.
            continue
        value = search_field.get_value(obj)
        values = value if isinstance(value, list | tuple) else [value]
        texts += [" ".join(str(item).split()) for item in values if item]
    return [text for text in texts if text]


def passage(texts, words):
    """About PASSAGE_WORDS words around the first of the query's words in `texts`, with every query
    word marked; escaped: neither the query nor the content can add markup."""
    for text in texts:
        tokens = list(WORD.finditer(text))
        first = next((i for i, token in enumerate(tokens) if word_matches(token.group(), words)), None)
        if first is not None:
            break
    else:
        if not texts:
            return ""
        text, tokens, first = texts[0], list(WORD.finditer(texts[0])), 0
    if not tokens:
        return ""
    start_token = max(0, first - PASSAGE_WORDS // 3)
    end_token = min(len(tokens), start_token + PASSAGE_WORDS)
    start = 0 if start_token == 0 else tokens[start_token].start()
    end = len(text) if end_token == len(tokens) else tokens[end_token - 1].end()
    parts = ["…" if start > 0 else ""]
    position = start
    for token in tokens[start_token:end_token]:
        if word_matches(token.group(), words):
            parts += [ltr_numbers(text[position : token.start()]), "<mark>", escape(token.group()), "</mark>"]
            position = token.end()
    parts += [ltr_numbers(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


def ltr_numbers(text):
    """The text escaped, each number in it isolated left to right: in Arabic "114 14" would read "14 114"."""
    parts, position = [], 0
    for number in NUMBER.finditer(text):
        parts += [escape(text[position : number.start()]), str(ltr(number.group()))]
        position = number.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - escaped above, and ltr() escapes the number


def snippet_text(snippet):
    """The snippet as one text: its name, then what its fields say that the name does not."""
    name = str(snippet)
    return " \N{EN DASH} ".join(
        [name, *(text for text in dict.fromkeys(searchable_texts(snippet)) if text not in name)]
    )


def add_passages(results, text):
    """Give each result its passage: from a matching definition or contact first, then the page's own
    text, then the other matching snippets. One query per page type, however many results."""
    words = query_words(text)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=[r.page.pk for r in results]).specific()}
    for result in results:
        page = specific.get(result.page.pk, result.page)
        answers = [s for s in result.snippets if isinstance(s, ANSWERS)]
        others = [s for s in result.snippets if not isinstance(s, ANSWERS)]
        texts = [snippet_text(s) for s in answers] + searchable_texts(page) + [snippet_text(s) for s in others]
        result.passage = passage(texts, words)
    return results
