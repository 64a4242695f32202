"""Wagtail's page detail, answered by the project: it says its version, refuses drafts to readers
without the right, and expands a page's chrome (translations, breadcrumbs, menu) inline.

Wagtail's own GET operation on /pages/{page_id}/ is replaced on its router (its PATCH and DELETE
stay); the response is Wagtail's union of page types, each member extended with `version` and
`expanded`, so the OpenAPI document types all of it.
"""

import typing
from typing import Literal

from django.shortcuts import get_object_or_404
from ninja import Query, Schema
from pydantic import Field, create_model
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.models import Page

from .. import schemas
from ..fields import comma_separated
from ..preview import mark, require_editor, require_token
from .page_helpers import breadcrumbs_of, menu, translations_of
from .replaced_get import replace_get

EXPANSIONS = ["translations", "breadcrumbs", "navigation"]
MENU_DEPTH = 2


class PageExpansions(Schema):
    translations: list[schemas.PageLink] | None = Field(
        None, description="With `expand=translations`: the page's live translations."
    )
    breadcrumbs: list[schemas.PageLink] | None = Field(
        None, description="With `expand=breadcrumbs`: the public pages from the home page down to this one."
    )
    navigation: list[schemas.NavigationItem] | None = Field(
        None, description=f"With `expand=navigation`: the menu of the page's locale, {MENU_DEPTH} levels."
    )


def extended_union(union_schema):
    """Wagtail's discriminated union of page schemas, each member with `version` and `expanded` added."""
    union, *metadata = typing.get_args(union_schema)
    members = []
    for member in typing.get_args(union):
        schema, tag = typing.get_args(member)
        name = schema.__name__.removesuffix("Schema") + "Detail"
        extended = create_model(
            name,
            __base__=schema,
            version=(Literal["live", "draft"], schemas.VersionField),
            expanded=(PageExpansions, Field(description="The components asked for with `expand`; others null.")),
        )
        members.append(typing.Annotated[extended, tag])
    return typing.Annotated[typing.Union[tuple(members)], *metadata]  # noqa: UP007 (built from a tuple)


PageDetail = extended_union(wagtail_pages.PageDetailSchema)
Expand = comma_separated(EXPANSIONS, "Components to include in `expanded`, comma-separated.")


def get_page(
    request,
    page_id: int,
    version: Literal["live", "draft"] = Query(
        "live", description="`draft`: the latest draft, for a bearer token of a user who may edit the page."
    ),
    rich_text_format: RichTextOutputFormat | None = Query(None),  # noqa: B008
    expand: Expand = Query(None),  # noqa: B008
):
    if version == "draft":
        # Refused before the lookup, so that a refusal says nothing about which ids exist.
        require_token(request)
        page = get_object_or_404(Page.objects.specific(), pk=page_id)
        require_editor(request, page)
        page = page.get_latest_revision_as_object()
    else:
        page = get_object_or_404(get_pages_queryset(request).live(), pk=page_id).specific
    page.version = mark(request, version)
    wanted = set(expand.split(",")) if expand else set()
    page.expanded = {
        "translations": translations_of(request, page) if "translations" in wanted else None,
        "breadcrumbs": breadcrumbs_of(request, page) if "breadcrumbs" in wanted else None,
        "navigation": menu(request, page.locale, MENU_DEPTH) if "navigation" in wanted else None,
    }
    return page


def replace_wagtail_page_detail():
    replace_get(
        "/{page_id}/",
        get_page,
        response=PageDetail,
        url_name="detail_page",
        summary="Page detail",
        description="A live page (or with `version=draft` its latest draft), optionally with its chrome.",
        operation_id="pages_detail",
    )
