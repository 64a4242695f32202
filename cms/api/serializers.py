"""Content as the API's schemas, in a fixed number of queries however much there is.

The schemas read the model objects themselves (pages/blocks/schemas.py); here is what they are
given: which rows (published, or each one's latest draft), loaded once per model, and rich text
as public HTML with absolute links.
"""

import re

from wagtail.rich_text import expand_db_html

from pages.blocks import BlockContext, api_body, listed_models
from pages.blocks.chosen import ChosenSnippets, with_related

from ..sanitize import clean_html
from .preview import latest_versions


def live_snippets(model, locale=None, ids=None):
    """Published snippets only, with the children their representation shows fetched up front."""
    return narrowed(with_related(model, model.objects.filter(live=True)), locale, ids)


def draft_snippets(model, locale=None, ids=None):
    """Every snippet, published or not, as its latest draft says (for an editor's preview)."""
    return latest_versions(list(narrowed(with_related(model, model.objects.all()), locale, ids)))


def narrowed(queryset, locale, ids):
    """`locale`: a Locale, or a list of them."""
    # The schemas show each snippet's language code.
    queryset = queryset.select_related("locale")
    if isinstance(locale, list):
        queryset = queryset.filter(locale__in=locale)
    elif locale is not None:
        queryset = queryset.filter(locale=locale)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset


class RichText:
    """Rich text as public HTML: internal links resolved, and made absolute for other sites to use."""

    HREF = re.compile(r'href="(/[^"]*)"')

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")

    def __call__(self, value):
        return self.HREF.sub(lambda m: f'href="{self.base_url}{m.group(1)}"', clean_html(expand_db_html(value or "")))


def serialize(schema, obj, rich_text):
    """One object as `schema` reads it."""
    return schema.model_validate(obj, context={"rich_text": rich_text})


class BodySerializer:
    """Chapter bodies as the API shows them, with every chosen snippet loaded once for all chapters."""

    def __init__(self, raw_bodies, locale, rich_text, draft=False, known=None, languages=None):
        """`known`: {model: instances} the caller loaded as `load` would (the lists it shows whole), in
        `languages` (the languages of the bodies' chapters, a Locale or a list; the document's by default)."""
        # Live chapters choose only public snippets (cms/api/visibility.py); a preview shows drafts.
        load = draft_snippets if draft else live_snippets
        blocks = [block for body in raw_bodies for block in body]
        # A block that lists every snippet lists the document's; a chapter in another language (fallback)
        # chooses among that language's, which come in the same query.
        loaded = {model: list(load(model, locale=languages or locale)) for model in listed_models(blocks)}
        listed = {model: [obj for obj in found if obj.locale_id == locale.pk] for model, found in loaded.items()}
        self.context = BlockContext(
            snippets=ChosenSnippets(
                blocks, load=lambda model, ids: load(model, ids=ids), known={**loaded, **(known or {})}
            ),
            rich_text=rich_text,
            every=lambda model: load(model, locale=locale),
            cache=listed,
        )

    def serialize(self, body):
        return api_body(body, self.context)
