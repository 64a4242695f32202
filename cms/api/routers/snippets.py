"""Public, read-only collections of the shared snippets: published versions only."""

from typing import Literal

from django.conf import settings
from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field, create_model
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from ...api_paths import COLLECTIONS
from .. import schemas
from ..content import base_url, get_locale
from ..errors import TranslationNotFound
from ..fields import fields_parameter, list_item, select
from ..preview import latest_versions, mark, require_editor, require_token
from ..serializers import RichText, draft_snippets, serialize
from ..visibility import public_snippets

PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


class LocaleQuery(Schema):
    locale: str = settings.LANGUAGE_CODE
    version: Literal["live", "draft"] = Field(
        "live",
        description="`draft`: the latest drafts, for a bearer token of a user who may edit them "
        "(401 without a token, 403 without the right).",
    )


def list_query(schema):
    return create_model(f"{schema.__name__}ListQuery", __base__=LocaleQuery, fields=fields_parameter(schema))


def add_collection(router, prefix, model, schema, tag, ordering):
    name = model._meta.model_name
    ListQuery = list_query(schema)

    @router.get(
        f"/{prefix}/",
        response=list[list_item(schema, schema.__name__.removesuffix("Out") + "Item")],
        auth=PUBLIC,
        operation_id=f"{prefix}_list",
        summary=f"List published {model._meta.verbose_name_plural}",
        tags=[tag],
        exclude_unset=True,
    )
    @paginate(WagtailLimitOffsetPagination)
    def list_view(request, params: ListQuery = Query(...)):  # noqa: B008
        locale = get_locale(params.locale)
        rich_text = RichText(base_url(request))
        if params.version == "draft":
            require_editor(request, model)
            found = draft_snippets(model, locale=locale)
        else:
            found = public_snippets(request, model, locale=locale)
        found = sorted(found, key=lambda obj: tuple(getattr(obj, field) for field in [*ordering, "pk"]))
        mark(request, params.version)
        items = [serialize(schema, obj, rich_text) for obj in found]
        # A sparse item is a dict of the chosen fields (its `…Fields` twin).
        return select([item.model_dump() for item in items], params.fields) if params.fields else items

    @router.get(
        f"/{prefix}/{{int:id}}/",
        response=schema,
        auth=PUBLIC,
        operation_id=f"{prefix}_detail",
        summary=f"A published {model._meta.verbose_name}, in the requested locale",
        tags=[tag],
    )
    def detail_view(request, id: int, params: LocaleQuery = Query(...)):  # noqa: B008
        locale = get_locale(params.locale)
        draft = params.version == "draft"
        if draft:
            # Refused before the lookup, so that a refusal says nothing about which ids exist.
            require_token(request)
        candidates = model.objects.select_related("locale") if draft else public_snippets(request, model)
        obj = candidates.filter(pk=id).first()
        if obj is None:
            raise Http404(f"No published {name} with id {id}.")
        if obj.locale_id != locale.pk:
            translations = candidates.filter(translation_key=obj.translation_key)
            obj = next((t for t in translations if t.locale_id == locale.pk), None)
            if obj is None:
                raise TranslationNotFound(name, params.locale, [t.locale.language_code for t in translations])
        if draft:
            require_editor(request, obj)
            [obj] = latest_versions([obj])
        mark(request, params.version)
        return serialize(schema, obj, RichText(base_url(request)))

    list_view.__name__ = f"list_{prefix}"
    detail_view.__name__ = f"detail_{prefix}"


# Each collection's schema and order; its path is COLLECTIONS's (cms/api/paths.py).
SCHEMAS = {
    Contact: (schemas.ContactOut, ["name"]),
    Actor: (schemas.ActorOut, ["sort_order"]),
    IndicatorCategory: (schemas.IndicatorCategoryOut, ["sort_order"]),
    Concept: (schemas.ConceptOut, ["sort_order"]),
    Goal: (schemas.GoalOut, ["sort_order"]),
    Resource: (schemas.ResourceOut, ["sort_order"]),
}

router = Router()
for model, prefix in COLLECTIONS.items():
    schema, ordering = SCHEMAS[model]
    add_collection(router, prefix, model, schema, tag=prefix, ordering=ordering)
