"""Public, read-only collections of the shared snippets: published versions only."""

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from .. import schemas
from ..content import base_url, get_locale
from ..errors import TranslationNotFound
from ..serializers import RichText, live_snippets, snippet_serializer

PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


class LocaleQuery(Schema):
    locale: str = "sv"


def add_collection(router, prefix, model, schema, tag, ordering):
    name = model._meta.model_name

    @router.get(
        f"/{prefix}/",
        response=list[schema],
        auth=PUBLIC,
        operation_id=f"{prefix}_list",
        summary=f"List published {model._meta.verbose_name_plural}",
        tags=[tag],
    )
    @paginate(WagtailLimitOffsetPagination)
    def list_view(request, params: LocaleQuery = Query(...)):  # noqa: B008
        locale = get_locale(params.locale)
        serialize = snippet_serializer(model, RichText(base_url(request)))
        return [serialize(obj) for obj in live_snippets(model, locale=locale).order_by(*ordering, "pk")]

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
        obj = live_snippets(model).filter(pk=id).first()
        if obj is None:
            raise Http404(f"No published {name} with id {id}.")
        if obj.locale_id != locale.pk:
            translations = live_snippets(model).filter(translation_key=obj.translation_key)
            obj = next((t for t in translations if t.locale_id == locale.pk), None)
            if obj is None:
                raise TranslationNotFound(name, params.locale, [t.locale.language_code for t in translations])
        return snippet_serializer(model, RichText(base_url(request)))(obj)

    list_view.__name__ = f"list_{prefix}"
    detail_view.__name__ = f"detail_{prefix}"


COLLECTIONS_WITH_SCHEMAS = [
    ("contacts", Contact, schemas.ContactOut, ["name"]),
    ("actors", Actor, schemas.ActorOut, ["sort_order"]),
    ("indicators", IndicatorCategory, schemas.IndicatorCategoryOut, ["sort_order"]),
    ("concepts", Concept, schemas.ConceptOut, ["sort_order"]),
    ("goals", Goal, schemas.GoalOut, ["sort_order"]),
    ("resources", Resource, schemas.ResourceOut, ["sort_order"]),
]
# model → the path of its collection, e.g. Contact → "contacts" (the CDN purge needs it too).
COLLECTIONS = {model: prefix for prefix, model, _schema, _ordering in COLLECTIONS_WITH_SCHEMAS}

router = Router()
for prefix, model, schema, ordering in COLLECTIONS_WITH_SCHEMAS:
    add_collection(router, prefix, model, schema, tag=prefix, ordering=ordering)
