"""One query per snippet model for a whole body, however many block types choose from that model.

Wagtail converts a lazy StreamField per block type, so a body with contact cards and a contact
table fetched contacts twice. `bind_all` reads every snippet reference of the raw body first,
fetches each model once, and lets the chooser blocks take their instances from that.
"""

from contextvars import ContextVar

from django.db.models import prefetch_related_objects

from .references import referenced_pks

# {model: {pk: instance}} while bind_all converts a stream; choosers look here first.
fetched = ContextVar("fetched_snippets", default=None)


def bind_all(stream, only_pk=False):
    """Convert every block of a lazy StreamValue now, with each snippet model fetched once.

    `only_pk` for a caller that reads nothing but the chosen ids (the API's body shows choices as
    ids): the snippets are then fetched as ids alone, which still drops deleted ones.
    """
    from .choosers import PrefetchingChooserBlock

    related = {cls.target: cls.prefetch for cls in PrefetchingChooserBlock.__subclasses__()}
    instances = {}
    for model, pks in referenced_pks(stream.raw_data).items():
        queryset = model.objects.order_by()
        instances[model] = (queryset.only("pk") if only_pk else queryset).in_bulk(pks)
        if related.get(model) and not only_pk:
            prefetch_related_objects(list(instances[model].values()), *related[model])
    token = fetched.set(instances)
    try:
        for _child in stream:
            pass
    finally:
        fetched.reset(token)
    return stream
