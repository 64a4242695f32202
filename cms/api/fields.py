"""Sparse fieldsets: `?fields=id,name` on a list answers only those fields of each item.

The parameter is one comma-separated value, as Plone and JSON:API spell it; the OpenAPI document
types it with a pattern of the item's field names, and each item as either the full schema or
its `…Fields` twin, where only `id` is certain.
"""

import re
from typing import Annotated

from ninja import Schema
from pydantic import Field, RootModel, create_model


def comma_separated(names, description):
    """A query parameter holding some of `names`, comma-separated, typed by a pattern."""
    choice = "|".join(map(re.escape, names))
    return Annotated[
        str | None,
        Field(
            None,
            pattern=f"^({choice})(,({choice}))*$",
            description=f"{description} One or more of: {', '.join(names)}.",
        ),
    ]


def fields_parameter(schema):
    return comma_separated(list(schema.model_fields), "Only these fields of each item, comma-separated; `id` always.")


def sparse_schema(schema, **overrides):
    """The schema with every field but `id` optional: what an item is when `fields` chooses.
    `overrides` types a field whose own parts can be chosen too."""
    optional = {
        name: (field.annotation, Field(None, description=field.description))
        for name, field in schema.model_fields.items()
        if name != "id"
    }
    return create_model(f"{schema.__name__}Fields", __base__=Schema, id=(int, ...), **(optional | overrides))


def list_item(schema, name, **overrides):
    """One named type for a list's items (the full schema or its sparse twin), so that the paginated
    list gets a readable name in the OpenAPI document and in generated clients."""
    sparse = sparse_schema(schema, **overrides)
    return type(name, (RootModel[schema | sparse],), {"__doc__": f"{schema.__name__} or its sparse twin."})


def select(items, fields):
    if not fields:
        return items
    wanted = {"id", *fields.split(",")}
    return [{name: value for name, value in item.items() if name in wanted} for item in items]
