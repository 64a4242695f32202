"""The public API's types. Every StreamField block is its own member of a discriminated union."""

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from snippets.models import Contact, Resource

from .locales import LocaleCode

# Enums in the OpenAPI document: a generated client gets the closed set of values.
ContactCategory = Literal[tuple(Contact.Category.values)]  # type: ignore[valid-type]
ResourceKind = Literal[tuple(Resource.Kind.values)]  # type: ignore[valid-type]

VersionField = Field(
    description="Which version this is: `live` (published) or `draft` (the latest draft; only with `version=draft`)."
)

# Snippets


class Versioned(Schema):
    version: Literal["live", "draft"] = VersionField


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


class IndicatorCategoryOut(Versioned):
    id: int
    locale: LocaleCode
    name: str
    indicators: list[str]


class ConceptOut(Versioned):
    id: int
    locale: LocaleCode
    term: str
    definition: str = Field(description="HTML.")
    explanation: str = Field(
        description="Plain text: one sentence saying what a Swedish name means, for readers who do not know Sweden."
    )


class GoalOut(Versioned):
    id: int
    locale: LocaleCode
    title: str
    text: str = Field(description="HTML.")
    audiences: list[str]


class ResourceOut(Versioned):
    id: int
    locale: LocaleCode
    title: str
    publisher: str
    kind: ResourceKind
    url: str


# Chapter body blocks


class HeadingValue(Schema):
    text: str
    level: int


class CalloutValue(Schema):
    title: str
    text: str


class CaptionValue(Schema):
    caption: str


class ContactTableValue(Schema):
    caption: str
    contacts: list[ContactOut]


class HeadingBlock(Schema):
    type: Literal["heading"]
    id: str
    value: HeadingValue


class RichTextBlock(Schema):
    type: Literal["rich_text"]
    id: str
    value: str = Field(description="HTML; links are absolute.")


class CalloutBlock(Schema):
    type: Literal["callout"]
    id: str
    value: CalloutValue


class ActorsBlock(Schema):
    type: Literal["actors"]
    id: str
    value: list[ActorOut]


class ActorRoleBlock(Schema):
    type: Literal["actor_role"]
    id: str
    value: ActorOut


class ActorResponsibilitiesBlock(Schema):
    type: Literal["actor_responsibilities"]
    id: str
    value: ActorOut


class ActorMatrixValue(Schema):
    caption: str
    actors: list[ActorOut]


class ActorMatrixBlock(Schema):
    type: Literal["actor_matrix"]
    id: str
    value: ActorMatrixValue


class ConceptBlock(Schema):
    type: Literal["concept"]
    id: str
    value: ConceptOut


class GoalBlock(Schema):
    type: Literal["goal"]
    id: str
    value: GoalOut


class GoalOverviewBlock(Schema):
    type: Literal["goal_overview"]
    id: str
    value: list[GoalOut]


class IndicatorsBlock(Schema):
    type: Literal["indicators"]
    id: str
    value: IndicatorCategoryOut


class ContactsBlock(Schema):
    type: Literal["contacts"]
    id: str
    value: list[ContactOut]


class ContactTableBlock(Schema):
    type: Literal["contact_table"]
    id: str
    value: ContactTableValue


class ResourcesBlock(Schema):
    type: Literal["resources"]
    id: str
    value: list[ResourceOut]


Block = Annotated[
    HeadingBlock
    | RichTextBlock
    | CalloutBlock
    | ActorsBlock
    | ActorRoleBlock
    | ActorResponsibilitiesBlock
    | ActorMatrixBlock
    | ConceptBlock
    | GoalBlock
    | GoalOverviewBlock
    | IndicatorsBlock
    | ContactsBlock
    | ContactTableBlock
    | ResourcesBlock,
    Field(discriminator="type"),
]


# The strategy document


class TranslationStatus(Schema):
    source_locale: LocaleCode
    outdated: bool = Field(description="The source has changed since this translation was last synced.")
    reviewed: bool = Field(
        description="A qualified translator has reviewed this text as published; until then the source applies. "
        "Always true in the source locale."
    )
    reviewed_at: datetime.datetime | None = Field(description="When the review was recorded; null when unreviewed.")


class Chapter(Schema):
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


Chapter.model_rebuild()


class Governance(Schema):
    document_date: datetime.date
    decision_body: str
    decision_date: datetime.date
    decision_paragraph: str
    financed_by: str
    follow_up_owner: str
    follow_up_cadence: str
    network_meeting_cadence: str
    next_review_date: datetime.date | None
    website: str


class StrategySummary(Schema):
    id: int
    locale: LocaleCode
    title: str
    slug: str
    url: str
    last_published_at: datetime.datetime | None


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
