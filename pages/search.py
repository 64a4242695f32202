"""Site search: live public pages of one language, and the pages that show the snippets that match.

Snippets (contacts, actors, concepts…) are not pages, so a snippet that matches leads the
reader to the pages that show it, found through Wagtail's reference index.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from cms.search_text import MAX_QUERY_LENGTH, search_words
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

MAX_HITS = 100
SEARCHABLE_SNIPPETS = (Contact, Actor, Concept, Goal, IndicatorCategory, Resource)


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in the reader's language."""

    status = 400


class NoWords(QueryError):
    """Only punctuation or symbols: nothing wrong was asked, there is just nothing to look for."""

    status = 200


@dataclass
class Result:
    page: Page
    matches: list = field(default_factory=list)


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


def build_query(text):
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(_("Search for at most %(count)d characters.") % {"count": MAX_QUERY_LENGTH})
    if not text:
        return None
    words = [word.lower() for word in search_words(text)]
    if not words:
        raise NoWords(_("Type one or more words to search for."))
    # Every word must match, in one of its forms.
    return And([Or([PlainText(variant) for variant in swedish_variants(word)]) for word in words])


def search_site(text, locale, root):
    """Results for the words in `text`, in the language of `locale`, under the site root `root`."""
    query = build_query(text)
    if query is None:
        return []
    site_pages = Page.objects.live().public().filter(locale=locale).descendant_of(root, inclusive=True)
    results = {page.pk: Result(page) for page in site_pages.search(query, order_by_relevance=True)[:MAX_HITS]}

    matches = snippet_matches(query, locale)
    if matches:
        shown_on = pages_showing(matches)
        extra = site_pages.filter(pk__in=shown_on.keys()).exclude(pk__in=results.keys()).order_by("path")
        for page in extra:
            results[page.pk] = Result(page)
        for page_id, snippets in shown_on.items():
            if page_id in results:
                results[page_id].matches = sorted({str(snippet) for snippet in snippets})
    return list(results.values())


def snippet_matches(query, locale):
    """{(content type id, object id as text): snippet} for every live snippet of the locale that matches."""
    types = ContentType.objects.get_for_models(*SEARCHABLE_SNIPPETS)
    backend = get_search_backend()
    found = {}
    for model in SEARCHABLE_SNIPPETS:
        for snippet in backend.search(query, model.objects.filter(live=True, locale=locale))[:MAX_HITS]:
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
        if snippet is not None:
            shown_on.setdefault(int(page_id), []).append(snippet)
    return shown_on
