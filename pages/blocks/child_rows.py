"""A snippet's inline rows (an actor's responsibilities, a goal's audiences, a category's indicators) read in
the query of the snippets themselves, as one JSON list per snippet, rather than in a query per relation.

The rows become model instances in the relation's prefetch cache, where `snippet.responsibilities.all()`
finds them, so templates and API schemas read them as they would after `prefetch_related`.
"""

from django.db.models import F, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.db.models.query import ModelIterable

PREFIX = "_rows_of_"


class JSONRows(Subquery):
    """The `child_row` column of a subquery as one JSON list, in the subquery's order ([] when it is empty)."""

    output_field = JSONField()
    # SQLite (before 3.44) has no ORDER BY within an aggregate; it aggregates an ordered subquery in its order.
    template = "(SELECT COALESCE(JSON_GROUP_ARRAY(JSON(child_row)), '[]') FROM (%(subquery)s))"

    def __init__(self, queryset, order, **extra):
        self.order = order
        super().__init__(queryset, **extra)

    def as_postgresql(self, compiler, connection, **extra_context):
        # The columns are the child model's ordering (its Meta), quoted: no value from a request.
        order = ", ".join(f"child_rows.{connection.ops.quote_name(name)}" for name in self.order)
        template = (
            f"(SELECT COALESCE(JSONB_AGG(child_rows.child_row ORDER BY {order}), '[]'::jsonb)"  # noqa: S608
            " FROM (%(subquery)s) child_rows)"
        )
        return self.as_sql(compiler, connection, template=template, **extra_context)


def child_rows(model, name):
    """The rows of the snippet's relation `name` (a ParentalKey's), in their editors' order, as JSON."""
    relation = model._meta.get_field(name)
    child = relation.related_model
    ordering = list(child._meta.ordering) or ["pk"]
    rows = child.objects.filter(**{relation.field.name: OuterRef("pk")}).order_by(*ordering)
    # Each row whole, so that no field of an instance made from it is left to a query of its own.
    row = JSONObject(**{field.attname: F(field.attname) for field in child._meta.concrete_fields})
    # The order's columns beside the row: PostgreSQL orders within the aggregate by them.
    order = [field.lstrip("-") for field in ordering]
    return JSONRows(rows.values(*order, child_row=row), order)


class WithChildRows(ModelIterable):
    """Puts the rows that `with_child_rows` read where prefetching would have put them."""

    def __iter__(self):
        names = [key.removeprefix(PREFIX) for key in self.queryset.query.annotations if key.startswith(PREFIX)]
        for obj in super().__iter__():
            for name in names:
                set_rows(obj, name, obj.__dict__.pop(PREFIX + name) or [], self.queryset.db)
            yield obj


def set_rows(obj, name, rows, db):
    relation = type(obj)._meta.get_field(name)
    child = relation.related_model
    fields = child._meta.concrete_fields
    instances = []
    for row in rows:
        # In the model's field order, which from_db expects (PostgreSQL's jsonb keeps keys in an order of its own).
        instance = child.from_db(
            db, [field.attname for field in fields], [field.to_python(row[field.attname]) for field in fields]
        )
        setattr(instance, relation.field.name, obj)
        instances.append(instance)
    queryset = getattr(obj, name).get_live_queryset()
    queryset._result_cache = instances
    queryset._prefetch_done = True
    obj.__dict__.setdefault("_prefetched_objects_cache", {})[relation.cache_name] = queryset


def with_child_rows(queryset, names):
    """The queryset with the rows of each of these relations (a ParentalKey's) read in the same query."""
    if not names:
        return queryset
    queryset = queryset.annotate(**{PREFIX + name: child_rows(queryset.model, name) for name in names})
    queryset._iterable_class = WithChildRows
    return queryset
