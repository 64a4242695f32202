"""The public API's types. Every StreamField block is its own member of a discriminated union.

The snippets' types and the blocks' are declared with the blocks (pages/blocks/schemas.py), which
the union is derived from; this module adds the documents that hold them."""

import datetime
from typing import Annotated, Literal, Union

from django.db import models
from ninja import Schema
from pydantic import Field, create_model

from pages.blocks import api_block_schemas
from pages.blocks.schemas import (  # noqa: F401 (the API's snippet types are the blocks' own)
    ActorOut,
    ConceptOut,
    ContactOut,
    FromObject,
    GoalOut,
    IndicatorCategoryOut,
    LocaleCode,
    ResourceOut,
    VersionField,
)
from pages.models import StrategyPage

# Every body block is its own member of the union, in the order of the block list.
Block = Annotated[Union[tuple(api_block_schemas().values())], Field(discriminator="type")]  # noqa: UP007


# The strategy document


class TranslationStatus(Schema):
    source_locale: LocaleCode
    outdated: bool = Field(description="The source has changed since this translation was last synced.")
    reviewed: bool = Field(
        description="A qualified translator has reviewed this text as published; until then the source applies. "
        "Always true in the source locale."
    )
    reviewed_at: datetime.datetime | None = Field(description="When the review was recorded; null when unreviewed.")


# Read from a chapter page; what depends on the document (its language, translation status, body and
# children) comes from the document being built, `context["document"]` (cms/api/routers/strategies.py).
# (Comments, not docstrings: a docstring would become the type's description in the OpenAPI document.)
class Chapter(FromObject):
    id: int
    locale: str = Field(
        description="The chapter's own language: the document's, or the source's for a chapter added by `fallback`."
    )
    title: str
    slug: str
    url: str
    translation: TranslationStatus
    body: list[Block]
    chapters: list["Chapter"]

    @staticmethod
    def resolve_locale(obj, context):
        return context["document"].locale_of(obj)

    @staticmethod
    def resolve_url(obj, context):
        return obj.get_full_url(context["request"]) or ""

    @staticmethod
    def resolve_translation(obj, context):
        return context["document"].translation_of(obj)

    @staticmethod
    def resolve_body(obj, context):
        return context["document"].body_of(obj)

    @staticmethod
    def resolve_chapters(obj, context):
        return context["document"].children_of(obj.translation_key)


Chapter.model_rebuild()


def field_type(model, name):
    field = model._meta.get_field(name)
    python_type = datetime.date if isinstance(field, models.DateField) else str
    return python_type | None if field.null else python_type


# The strategy's governance facts as the model lists them (StrategyPage.governance_fields), read from the page.
Governance = create_model(
    "Governance",
    __base__=Schema,
    **{name: (field_type(StrategyPage, name), ...) for name in StrategyPage.governance_fields},
)


# Read from a strategy page; `context["request"]` gives its full URL.
class StrategySummary(FromObject):
    id: int
    locale: LocaleCode
    title: str
    slug: str
    url: str
    last_published_at: datetime.datetime | None

    @staticmethod
    def resolve_locale(obj):
        return obj.locale.language_code

    @staticmethod
    def resolve_url(obj, context):
        return obj.get_full_url(context["request"]) or ""


class UntranslatedChapter(Schema):
    id: int = Field(description="The source chapter's id.")
    title: str = Field(description="The source chapter's title, in the source language.")
    source_locale: str


class StrategyDocument(StrategySummary):
    version: Literal["live", "draft"] = VersionField
    translation: TranslationStatus
    untranslated: list[UntranslatedChapter] = Field(
        description="Chapters of the source with no live translation in this locale, in tree order. "
        "With `fallback`, they are in `chapters` in the source language; without it, they are left out."
    )
    governance: Governance
    intro: str
    position: str
    purpose: str
    chapters: list[Chapter]
    concepts: list[ConceptOut]
    goals: list[GoalOut]


# Page helpers


class PageLink(Schema):
    id: int
    title: str
    locale: LocaleCode
    url: str


class NavigationItem(Schema):
    id: int
    title: str
    url: str
    children: list["NavigationItem"]


NavigationItem.model_rebuild()


# Follow-ups


class FollowUpSummary(Schema):
    id: int
    strategy_id: int
    year: int
    is_baseline: bool = Field(description="The starting point: the activities the strategy itself lists (Bilaga 1).")
    opens_on: datetime.date
    report_deadline: datetime.date
    compiled_on: datetime.date | None


class FollowUpActor(Schema):
    id: int
    name: str
    locale: str


class FollowUpActivity(Schema):
    status: Literal["carried_out", "ongoing", "planned", "dropped", "new"]
    status_label: str = Field(description="The status in the requested language.")
    text: str
    done: str = Field(description="What was done.")
    target_group: str = Field(description="The target group reached.")


class FollowUpReport(Schema):
    actor: FollowUpActor
    locale: str = Field(description="The language this report is shown in: the requested one, or Swedish.")
    needs: str
    activities: list[FollowUpActivity]


class FollowUpYear(Schema):
    year: int
    counts: dict[str, int] = Field(description="Activities by status.")


class FollowUpComparison(Schema):
    goal: str = Field(description="The goal's title in the requested language, or “not linked to a goal”.")
    years: list[FollowUpYear]


class FollowUpDocument(FollowUpSummary):
    locale: str
    reports: list[FollowUpReport]
    comparison: list[FollowUpComparison]
