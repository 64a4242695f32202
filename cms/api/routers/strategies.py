"""The whole strategy as one nested, typed document: what the municipal site renders from."""

from functools import partial
from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Page, Revision

from pages.models import ChapterPage, StrategyPage
from pages.translation_status import source_language, translation_statuses
from snippets.models import Concept, Goal

from .. import schemas
from ..content import base_url, get_locale, public_pages
from ..errors import TranslationNotFound
from ..fields import fields_parameter, list_item, select
from ..preview import mark, require_editor, require_token
from ..serializers import BodySerializer, RichText, draft_snippets, serialize
from ..visibility import public_snippets

router = Router(tags=["strategies"])
PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


class ListQuery(Schema):
    locale: str = settings.LANGUAGE_CODE
    fields: fields_parameter(schemas.StrategySummary)


class DocumentQuery(Schema):
    locale: str = settings.LANGUAGE_CODE
    version: Literal["live", "draft"] = Field(
        "live",
        description="`draft`: the latest drafts of the strategy, its chapters and the snippets they embed, "
        "for a bearer token of a user who may edit the strategy (401 without a token, 403 without the right).",
    )
    fallback: Literal[settings.LANGUAGE_CODE] | None = Field(
        None,
        description="Include chapters with no translation in this locale in the source language, "
        "each marked with its own `locale`.",
    )


def summary(page, request):
    return schemas.StrategySummary.model_validate(page, context={"request": request}).model_dump()


@router.get(
    "/",
    response=list[list_item(schemas.StrategySummary, "StrategyItem")],
    auth=PUBLIC,
    operation_id="strategies_list",
    exclude_unset=True,
)
@paginate(WagtailLimitOffsetPagination)
def list_strategies(request, params: ListQuery = Query(...)):  # noqa: B008
    locale = get_locale(params.locale)
    pages = public_pages(request, StrategyPage).filter(locale=locale).select_related("locale").order_by("path")
    return select([summary(page, request) for page in pages], params.fields)


@router.get("/{int:id}/", response=schemas.StrategyDocument, auth=PUBLIC, operation_id="strategies_detail")
def strategy_document(request, id: int, params: DocumentQuery = Query(...)):  # noqa: B008
    """The strategy with its chapters in tree order and every snippet expanded in place.

    In a translation, `untranslated` lists the source's chapters that have no live translation;
    `fallback=sv` puts them in `chapters` in Swedish, each chapter saying its own `locale`.
    """
    draft = params.version == "draft"
    source_code = source_language()
    if draft:
        strategy = find_draft(request, id, params.locale)
        chapters = find_draft_chapters(strategy)
        source = find_source(request, strategy, source_code) if strategy.locale.language_code != source_code else None
        source_chapters = find_chapters(request, source).get(source, [])
    else:
        # Every public translation at once: the requested one and the source its status is measured against.
        translations = public_translations(request, id)
        strategy = in_locale(translations, id, params.locale)
        source = next((t for t in translations if t.locale.language_code == source_code), None)
        found = find_chapters(request, strategy, source)
        chapters, source_chapters = found[strategy], found.get(source, [])
    locale = strategy.locale
    mark(request, params.version)
    # The strategy's and its chapters' together: they are pages in one locale.
    statuses = translation_statuses([strategy, *chapters])
    status = statuses[strategy.translation_key]
    # Chapters share the strategy's locale; in the source locale nothing can lag behind.
    translated = strategy.locale.language_code != source_code
    if not translated:
        source_chapters = chapters
    present = {chapter.translation_key for chapter in chapters}
    untranslated = [chapter for chapter in source_chapters if chapter.translation_key not in present]
    shown = merged_tree(chapters, source_chapters, fallback=params.fallback is not None)

    rich_text = RichText(base_url(request))
    load = draft_snippets if draft else partial(public_snippets, request)
    # The languages the chapters are shown in: with fallback, source chapters choose the source's snippets.
    languages = list({locale, *(chapter.locale for chapter, _parent in shown)})
    loaded = languages if len(languages) > 1 else locale
    # Shown whole at the end, and what chapters choose of them needs no second query.
    every_concept = sorted(load(Concept, locale=loaded), key=by_order)
    every_goal = sorted(load(Goal, locale=loaded), key=by_order)
    concepts = [concept for concept in every_concept if concept.locale_id == locale.pk]
    goals = [goal for goal in every_goal if goal.locale_id == locale.pk]
    bodies = BodySerializer(
        [chapter.body.raw_data for chapter, _parent in shown],
        locale,
        rich_text,
        draft=draft,
        known={Concept: every_concept, Goal: every_goal},
        languages=loaded,
    )
    stale = {key for key, chapter in statuses.items() if chapter["outdated"]}
    reviewed = {key: chapter["reviewed_at"] for key, chapter in statuses.items() if translated and chapter["reviewed"]}
    document = ChapterTree(shown, strategy, source_code, stale, reviewed, bodies)

    return {
        **summary(strategy, request),
        "version": params.version,
        "translation": status,
        "untranslated": [{"id": c.pk, "title": c.title, "source_locale": source_code} for c in untranslated],
        "governance": schemas.Governance.model_validate(strategy),
        "intro": rich_text(strategy.intro),
        "position": rich_text(strategy.position),
        "purpose": rich_text(strategy.purpose),
        "chapters": [
            schemas.Chapter.model_validate(chapter, context={"request": request, "document": document})
            for chapter in document.children_of(None)
        ],
        "concepts": [serialize(schemas.ConceptOut, c, rich_text) for c in concepts],
        "goals": [serialize(schemas.GoalOut, g, rich_text) for g in goals],
    }


class ChapterTree:
    """What a chapter's schema reads from the document it is in: its language, status, body and children."""

    def __init__(self, shown, strategy, source_code, stale, reviewed, bodies):
        self.strategy = strategy
        self.source_code = source_code
        self.stale = stale
        self.reviewed = reviewed
        self.bodies = bodies
        self.children = {}
        for chapter, parent_key in shown:
            self.children.setdefault(parent_key, []).append(chapter)

    def children_of(self, parent_key):
        return self.children.get(parent_key, [])

    def locale_of(self, chapter):
        return chapter_locale(chapter, self.strategy, self.source_code)

    def translation_of(self, chapter):
        return chapter_translation(chapter, self.strategy, self.source_code, self.stale, self.reviewed)

    def body_of(self, chapter):
        return self.bodies.serialize(chapter.body.raw_data)


def by_order(obj):
    return (obj.sort_order, obj.pk)


def chapter_locale(chapter, strategy, source_code):
    return source_code if chapter.locale_id != strategy.locale_id else strategy.locale.language_code


def chapter_translation(chapter, strategy, source_code, stale, reviewed):
    # A chapter shown in the source language (fallback) is the source: current and authoritative.
    in_source = chapter.locale_id != strategy.locale_id or strategy.locale.language_code == source_code
    return {
        "source_locale": source_code,
        "outdated": not in_source and chapter.translation_key in stale,
        "reviewed": in_source or chapter.translation_key in reviewed,
        "reviewed_at": None if in_source else reviewed.get(chapter.translation_key),
    }


def parent_keys(chapters):
    """[(chapter, its parent chapter's translation key or None under the strategy)], in tree order."""
    key_at = {chapter.path: chapter.translation_key for chapter in chapters}
    return [(chapter, key_at.get(chapter.path[: -Page.steplen])) for chapter in chapters]


def merged_tree(chapters, source_chapters, fallback):
    """The chapters to show, in the source's order: each translated chapter, and with `fallback` the source
    chapter where no translation exists. Parents are named by translation key, which both trees share."""
    translated = {chapter.translation_key: (chapter, parent) for chapter, parent in parent_keys(chapters)}
    shown = []
    for chapter, parent in parent_keys(source_chapters):
        if chapter.translation_key in translated:
            shown.append(translated.pop(chapter.translation_key))
        elif fallback:
            shown.append((chapter, parent))
    # A chapter that exists only in the translation keeps its place under its parent, after the others.
    return shown + list(translated.values())


def public_translations(request, id):
    """The public strategy with this id and its public translations (each with its Locale row), in one query;
    a 404 if the strategy itself is not public."""
    visible = public_pages(request, StrategyPage).select_related("locale")
    key = Page.objects.filter(pk=id).values("translation_key")
    translations = list(visible.filter(translation_key__in=key))
    if not any(t.pk == id for t in translations):
        raise Http404(f"No strategy with id {id}.")
    return translations


def find_draft(request, id, code):
    """The latest draft of the strategy in the requested locale, for a user who may edit it.

    Anonymous requests are refused before anything is looked up, so a refusal says nothing about
    which ids exist.
    """
    require_token(request)
    every = StrategyPage.objects.select_related("locale")
    requested = every.filter(pk=id).first()
    if requested is None:
        raise Http404(f"No strategy with id {id}.")
    strategy = in_locale(list(every.filter(translation_key=requested.translation_key)), id, code)
    require_editor(request, strategy)
    return strategy.get_latest_revision_as_object()


def in_locale(translations, id, code):
    """The strategy's translation in the locale among its translations (which bring their locale, and hold
    the strategy with this id), or a 404 naming the locales there are."""
    requested = next(t for t in translations if t.pk == id)
    if requested.locale.language_code == code:
        return requested
    found = next((t for t in translations if t.locale.language_code == code), None)
    if found is None:
        raise TranslationNotFound("strategy", code, [t.locale.language_code for t in translations])
    return found


def find_chapters(request, *strategies):
    """{strategy: its live, public chapters in tree order}, for one or two strategies (a translation and its
    source) in one query."""
    strategies = list(dict.fromkeys(s for s in strategies if s is not None))
    under = Q(pk__in=[])
    for strategy in strategies:
        under |= Q(path__startswith=strategy.path, depth__gt=strategy.depth)
    found = {strategy: [] for strategy in strategies}
    for chapter in public_pages(request, ChapterPage).filter(under).select_related("locale").order_by("path"):
        owner = next(s for s in strategies if chapter.path.startswith(s.path))
        found[owner].append(chapter)
    return found


def find_draft_chapters(strategy):
    chapters = list(ChapterPage.objects.descendant_of(strategy).select_related("locale").order_by("path"))
    # One query for all drafts, rather than one per chapter.
    revisions = Revision.objects.in_bulk([c.latest_revision_id for c in chapters if c.latest_revision_id])
    return [
        c.with_content_json(revisions[c.latest_revision_id].content) if c.latest_revision_id in revisions else c
        for c in chapters
    ]


def find_source(request, strategy, source_code):
    """The public strategy in the source locale: what a translation is measured against."""
    return (
        public_pages(request, StrategyPage)
        .filter(translation_key=strategy.translation_key, locale__language_code=source_code)
        .first()
    )
