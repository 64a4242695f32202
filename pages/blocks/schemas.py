"""The API's types of what bodies show: each snippet as a schema that reads the model object itself.

They live with the blocks (not in cms) because each block declares its own API type, and pages
do not import cms. A schema is filled with `Schema.model_validate(obj, context=BlockContext(...))`:
resolvers read the object, and rich text goes through the context's `rich_text` (the API's
absolute-link HTML, which is cms's to make).
"""

import datetime
from typing import Literal

from django.conf import settings
from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import BaseModel, Field, model_validator

from snippets.models import Contact, Resource, Responsibility

# `locale` wherever it appears (parameter or field) is this enum in the OpenAPI document, so a
# generated client can only ask for a language that exists.
LocaleCode = Literal[tuple(sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES))]  # type: ignore[valid-type]
# Enums in the OpenAPI document: a generated client gets the closed set of values.
ContactCategory = Literal[tuple(Contact.Category.values)]  # type: ignore[valid-type]
ResourceKind = Literal[tuple(Resource.Kind.values)]  # type: ignore[valid-type]

VersionField = Field(
    description="Which version this is: `live` (published) or `draft` (the latest draft; only with `version=draft`)."
)


class FromObject(Schema):
    """Reads a model object through its resolvers; what is already in the API's shape (a dict, or an
    instance when django-ninja checks the response) is validated as it is, without resolving again.

    With `shown` in the context (a dict kept for one answer), an object is read once per schema however
    many blocks show it: the actor matrix, the actor cards and each actor's role show the same actors."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):  # replaces ninja's validator of the same name
        if isinstance(values, dict | BaseModel):
            return handler(values)
        shown = info.context.get("shown") if info.context else None
        if shown is None:
            return handler(DjangoGetter(values, cls, info.context))
        # By identity, and holding the object, so that its id cannot be reused by another within the answer.
        key = (cls, id(values))
        if key not in shown:
            shown[key] = (values, handler(DjangoGetter(values, cls, info.context)))
        return shown[key][1]


class Versioned(FromObject):
    version: Literal["live", "draft"] = VersionField

    @staticmethod
    def resolve_version(obj):
        # cms/api/preview.py's latest_versions marks a snippet shown as its draft.
        return getattr(obj, "api_version", "live")

    # Each schema declares `locale` itself, after `id`, where the OpenAPI document has always had it.
    @staticmethod
    def resolve_locale(obj):
        return obj.locale.language_code


def html(obj, name, context):
    """Rich text as the API shows it; the context's `rich_text` (cms/api/serializers.py) makes links absolute."""
    return context["rich_text"](getattr(obj, name))


class ContactOut(Versioned):
    id: int
    locale: LocaleCode
    name: str
    organisation: str
    audience: str
    description: str
    phone: str = Field(description="As printed, e.g. “0910-73 50 00”.")
    phone_e164: str = Field(description="What a tel: link dials: E.164, or a short code such as 112 as dialled.")
    extension: str
    url: str
    url_text: str
    availability: str
    category: ContactCategory
    actor_id: int | None
    in_emergency_banner: bool = Field(description="The site shows this number in its emergency banner.")
    verified_on: datetime.date | None

    @staticmethod
    def resolve_phone_e164(obj):
        return obj.phone_dialable


class ActorOut(Versioned):
    id: int
    locale: LocaleCode
    name: str
    full_name: str
    explanation: str = Field(
        description="Plain text: one sentence saying what the organisation is, for readers who do not know Sweden."
    )
    parent_id: int | None
    role: str = Field(description="HTML.")
    ongoing: list[str]
    future: list[str]

    @staticmethod
    def resolve_role(obj, context):
        return html(obj, "role", context)

    @staticmethod
    def resolve_ongoing(obj):
        return [r.text for r in obj.responsibilities.all() if r.kind == Responsibility.Kind.ONGOING]

    @staticmethod
    def resolve_future(obj):
        return [r.text for r in obj.responsibilities.all() if r.kind == Responsibility.Kind.FUTURE]


class IndicatorCategoryOut(Versioned):
    id: int
    locale: LocaleCode
    name: str
    indicators: list[str]

    @staticmethod
    def resolve_indicators(obj):
        return [i.text for i in obj.indicators.all()]


class ConceptOut(Versioned):
    id: int
    locale: LocaleCode
    term: str
    definition: str = Field(description="HTML.")
    explanation: str = Field(
        description="Plain text: one sentence saying what a Swedish name means, for readers who do not know Sweden."
    )

    @staticmethod
    def resolve_definition(obj, context):
        return html(obj, "definition", context)


class GoalOut(Versioned):
    id: int
    locale: LocaleCode
    title: str
    text: str = Field(description="HTML.")
    audiences: list[str]

    @staticmethod
    def resolve_text(obj, context):
        return html(obj, "text", context)

    @staticmethod
    def resolve_audiences(obj):
        return [a.name for a in obj.audiences.all()]


class ResourceOut(Versioned):
    id: int
    locale: LocaleCode
    title: str
    publisher: str
    kind: ResourceKind
    url: str


# Values of body blocks that are more than a snippet or a string


class HeadingValue(Schema):
    text: str
    level: int


class CalloutValue(Schema):
    title: str
    text: str


class ContactTableValue(Schema):
    caption: str
    contacts: list[ContactOut]


class ActorMatrixValue(Schema):
    caption: str
    actors: list[ActorOut]
