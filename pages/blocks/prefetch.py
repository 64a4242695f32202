"""One query per snippet model for a whole body, however many block types choose from that model.

Wagtail converts a lazy StreamField per block type, so a body with contact cards and a contact
table fetched contacts twice. `bind_all` reads every snippet reference of the raw body first,
fetches each model once, and lets the chooser blocks take their instances from that.
"""

from contextvars import ContextVar

from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue

from .references import referenced_pks

# {model: {pk: instance, or the pk itself for bind_ids}} while a stream is bound; choosers look here first.
fetched = ContextVar("fetched_snippets", default=None)


def bind_all(stream):
    """Convert every block of a lazy StreamValue now, with each snippet model fetched once."""
    from .choosers import PrefetchingChooserBlock

    related = {cls.target: cls.prefetch for cls in PrefetchingChooserBlock.__subclasses__()}
    chosen = {}
    for model, pks in referenced_pks(stream.raw_data).items():
        chosen[model] = model.objects.order_by().in_bulk(pks)
        if related.get(model):
            prefetch_related_objects(list(chosen[model].values()), *related[model])
    return _convert(stream, chosen)


def bind_ids(stream):
    """A copy of the stream whose choosers hold the chosen ids that still exist, not instances.

    For the API, which shows a choice as its id: one query of ids per model, no instances built.
    A copy, so that the page's own body keeps instances for anything else that reads it.
    """
    copy = StreamValue(stream.stream_block, stream.raw_data, is_lazy=True)
    chosen = {}
    for model, pks in referenced_pks(copy.raw_data).items():
        existing = model.objects.order_by().filter(pk__in=pks).values_list("pk", flat=True)
        chosen[model] = {pk: pk for pk in existing}
    return _convert(copy, chosen)


def _convert(stream, chosen):
    token = fetched.set(chosen)
    try:
        for _child in stream:
            pass
    finally:
        fetched.reset(token)
    return stream
