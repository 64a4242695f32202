"""The one loader of the snippets bodies choose: one query per snippet model for any number of bodies.

Site templates, the page API and the strategy document all load through `ChosenSnippets`: it reads
every choice from the stored JSON (without converting blocks), fetches each model once with what its
representations show (`with_related`), and either hands the instances to whoever serialises
(the API) or binds them into a StreamValue (templates), so that Wagtail's per-block-type conversion
does not fetch contacts once for contact cards and again for a contact table.
"""

from contextvars import ContextVar

from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue

from snippets.models import Actor, Goal, IndicatorCategory

from .child_rows import with_child_rows

# What each model's templates and API schemas read besides its own row; children are Orderable,
# so they come in their editors' order.
SELECTED = {Actor: ("parent",)}
PREFETCHED = {Actor: ("responsibilities",), Goal: ("audiences",), IndicatorCategory: ("indicators",)}

# {model: {pk: instance}} while a stream is being bound; the chooser blocks take their instances from here.
bound = ContextVar("bound_snippets", default=None)


def with_related(model, queryset):
    """The queryset with everything a snippet's template or API schema reads fetched up front, in its own query."""
    if model in SELECTED:  # select_related() without names would follow every foreign key
        queryset = queryset.select_related(*SELECTED[model])
    return with_child_rows(queryset, PREFETCHED.get(model, ()))


def prefetch_related(model, instances):
    """For instances fetched elsewhere (a chooser's own bulk_to_python)."""
    prefetch_related_objects([obj for obj in instances if obj is not None], *PREFETCHED.get(model, ()))


def chosen_pks(block_value, key):
    """The ids a block's chooser holds, in order: one id, or a list of them.

    A list is stored as [{"type": "item", "value": pk, "id": ...}] (or plain pks before Wagtail 2.16).
    """
    chosen = block_value.get(key) if isinstance(block_value, dict) else None
    values = chosen if isinstance(chosen, list) else [chosen]
    pks = (value.get("value") if isinstance(value, dict) else value for value in values)
    return [pk for pk in pks if pk is not None]


def referenced_pks(raw_blocks):
    """{snippet model: {ids}} chosen anywhere in these raw blocks."""
    from . import snippet_references

    references = snippet_references()
    pks = {}
    for block in raw_blocks:
        if block is not None and block.get("type") in references:
            for key, model in references[block["type"]].items():
                pks.setdefault(model, set()).update(chosen_pks(block["value"], key))
    return pks


def all_rows(model, ids):
    """Every chosen row, published or not: templates leave out what is not live themselves."""
    return with_related(model, model.objects.order_by().filter(pk__in=ids))


def rows_only(model, ids):
    """The chosen rows that still exist, without what their representations read (the page API shows ids)."""
    return model.objects.order_by().filter(pk__in=ids).only("pk")


class ChosenSnippets:
    """Every snippet that these raw blocks choose, fetched once per model by `load(model, ids)`.

    `load` decides which rows count: all of them (templates, which drop unpublished ones), the live
    ones (the public API) or each one's latest draft (a preview); a choice it does not return is gone.
    """

    def __init__(self, raw_blocks, load=all_rows, known=None):
        """`known`: {model: instances} the caller has already loaded as `load` would (a list its answer shows
        whole); only the chosen ids not among them are fetched."""
        known = known or {}
        self.found = {}
        for model, ids in referenced_pks(raw_blocks).items():
            found = {obj.pk: obj for obj in known.get(model, ())}
            missing = ids - found.keys()
            if missing:
                found.update((obj.pk, obj) for obj in load(model, missing))
            self.found[model] = found

    @classmethod
    def of_bodies(cls, bodies, load=all_rows, known=None):
        """For many StreamValues (or raw bodies) at once, e.g. every chapter of a strategy."""
        return cls([block for body in bodies for block in getattr(body, "raw_data", body)], load=load, known=known)

    def get(self, model, pks):
        """The loaded instances of these ids, in order; ids that were not loaded are left out."""
        known = self.found.get(model, {})
        return [known[pk] for pk in pks if pk in known]

    def bind(self, stream):
        """Convert every block of a lazy StreamValue now, its choosers taking the loaded instances."""
        token = bound.set(self.found)
        try:
            for _child in stream:
                pass
        finally:
            bound.reset(token)
        return stream


def bind_all(stream):
    """A body's blocks converted with each snippet model fetched once, for a template."""
    return ChosenSnippets(stream.raw_data).bind(stream)


def bind_copy(stream, load=all_rows):
    """A converted copy of the stream, so that the page's own body is left as it was (the page API)."""
    copy = StreamValue(stream.stream_block, stream.raw_data, is_lazy=True)
    return ChosenSnippets(copy.raw_data, load=load).bind(copy)
