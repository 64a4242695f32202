"""Wagtail's page listing with `fields=`, as the project's other lists have it.

Wagtail's own GET operation on /pages/ is replaced on its router (its POST stays). Wagtail still
filters, orders, searches and scopes the pages (live and public for anonymous readers); the
project only chooses which of the listing's fields each item carries. The names are a fixed list
of the listing's own fields, `title`, `meta` and `meta.<field>`, so no choice can reach a draft's
title, a password or anything else of the page row.
"""

from ninja import Query, Schema
from ninja.pagination import paginate
from pydantic import create_model
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.pages import BasePageMetaSchema
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema

from ..fields import comma_separated, list_item
from .replaced_get import replace_get

# `warnings` is Wagtail's note about rich text it removed; the listing has no rich text.
META_FIELDS = [name for name in BasePageMetaSchema.model_fields if name != "warnings"]
FIELDS = ["title", "meta", *(f"meta.{name}" for name in META_FIELDS)]


def plain(schema, name, **overrides):
    """`schema`'s fields without Wagtail's resolvers: the type of an item already serialized."""
    fields = {field_name: (field.annotation, field) for field_name, field in schema.model_fields.items()}
    return create_model(name, __base__=Schema, __doc__=schema.__doc__, **(fields | overrides))


PageSummaryMeta = plain(BasePageMetaSchema, "PageSummaryMeta")
# The meta of an item whose `fields` chose some of it: every part optional.
PageSummaryMetaFields = create_model(
    "PageSummaryMetaFields",
    __base__=Schema,
    **{name: (PageSummaryMeta.model_fields[name].annotation | None, None) for name in META_FIELDS},
)
PageSummary = plain(BasePageSchema, "PageSummary", meta=(PageSummaryMeta, ...))
PageItem = list_item(PageSummary, "PageItem", meta=(PageSummaryMetaFields | None, None))
Fields = comma_separated(
    FIELDS, "Only these fields of each item, comma-separated; `id` always; `meta.<field>` for part of `meta`."
)


def select(pages, fields, request):
    items = [BasePageSchema.from_orm(page, context={"request": request}).model_dump() for page in pages]
    if not fields:
        return items
    wanted = set(fields.split(","))
    chosen_meta = {name.removeprefix("meta.") for name in wanted if name.startswith("meta.")}
    selected = []
    for item in items:
        sparse = {"id": item["id"]}
        if "title" in wanted:
            sparse["title"] = item["title"]
        if "meta" in wanted:
            sparse["meta"] = item["meta"]
        elif chosen_meta:
            sparse["meta"] = {name: value for name, value in item["meta"].items() if name in chosen_meta}
        selected.append(sparse)
    return selected


class FieldsPagination(WagtailLimitOffsetPagination):
    """Wagtail's pagination, then the choice of fields: only the page of items shown is serialized."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        result = super().paginate_queryset(queryset, pagination, request, **params)
        result["items"] = select(result["items"], params.get("fields"), request)
        return result


wagtail_list_pages = wagtail_pages.list_pages.__wrapped__


@paginate(FieldsPagination, pass_parameter="pagination_info")  # noqa: S106 not a password
def list_pages(
    request,
    filters: wagtail_pages.PageFilterSchema = Query(...),  # noqa: B008
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    fields: Fields = Query(None),  # noqa: B008
    **kwargs,
):
    # `fields` is no field filter for Wagtail: it skips names that are not page fields.
    return wagtail_list_pages(request, filters=filters, ordering=ordering, search=search, **kwargs)


def replace_wagtail_page_list():
    replace_get(
        "/",
        list_pages,
        response=list[PageItem],
        url_name="list_pages",
        summary="List pages",
        description="Live pages (for a token, the pages its user may edit), filtered, ordered, searched, "
        "each with the fields chosen by `fields`.",
        operation_id="pages_list",
        exclude_unset=True,
    )
