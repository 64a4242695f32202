"""The whole strategy as one nested, typed document: what the municipal site renders from."""

from typing import Literal

from django.http import Http404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Page, Revision

from cms.translation_status import outdated_keys, translation_status
from pages.models import ChapterPage, StrategyPage
from snippets.models import Concept, Goal

from .. import schemas
from ..content import base_url, get_locale, public_pages
from ..errors import TranslationNotFound
from ..serializers import BodySerializer, RichText, concept, goal, live_snippets

router = Router(tags=["strategies"])
PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


class ListQuery(Schema):
    locale: str = "sv"


class DocumentQuery(Schema):
    locale: str = "sv"
    version: Literal["live", "draft"] = "live"


def summary(page, request):
    return {
        "id": page.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "slug": page.slug,
        "url": page.get_full_url(request) or "",
        "last_published_at": page.last_published_at,
    }


@router.get("/", response=list[schemas.StrategySummary], auth=PUBLIC, operation_id="strategies_list")
@paginate(WagtailLimitOffsetPagination)
def list_strategies(request, params: ListQuery = Query(...)):  # noqa: B008
    locale = get_locale(params.locale)
    pages = public_pages(request, StrategyPage).filter(locale=locale).select_related("locale").order_by("path")
    return [summary(page, request) for page in pages]


@router.get("/{int:id}/", response=schemas.StrategyDocument, auth=PUBLIC, operation_id="strategies_detail")
def strategy_document(request, id: int, params: DocumentQuery = Query(...)):  # noqa: B008
    """The strategy with its chapters in tree order and every snippet expanded in place.

    With `version=draft` and a bearer token of a user who may edit the strategy, the
    latest drafts of the strategy and its chapters; without one, the live version.
    """
    locale = get_locale(params.locale)
    draft = params.version == "draft" and may_edit(request, id)
    strategy = find_strategy(request, id, locale, draft)
    chapters = find_chapters(request, strategy, draft)
    rich_text = RichText(base_url(request))
    bodies = BodySerializer([chapter.body.raw_data for chapter in chapters], locale, rich_text)

    status = translation_status(strategy)
    # Chapters share the strategy's locale; in the source locale nothing can lag behind.
    translated = strategy.locale.language_code != status["source_locale"]
    stale = (
        outdated_keys(ChapterPage, [c.translation_key for c in chapters], strategy.locale.language_code)
        if translated
        else set()
    )
    children = {}
    for chapter in chapters:
        children.setdefault(chapter.path[: -Page.steplen], []).append(chapter)

    def tree(path):
        return [
            {
                "id": chapter.pk,
                "title": chapter.title,
                "slug": chapter.slug,
                "url": chapter.get_full_url(request) or "",
                "translation": {"source_locale": status["source_locale"], "outdated": chapter.translation_key in stale},
                "body": bodies.serialize(chapter.body.raw_data),
                "chapters": tree(chapter.path),
            }
            for chapter in children.get(path, [])
        ]

    return {
        **summary(strategy, request),
        "translation": status,
        "governance": {field: getattr(strategy, field) for field in schemas.Governance.model_fields},
        "intro": rich_text(strategy.intro),
        "position": rich_text(strategy.position),
        "purpose": rich_text(strategy.purpose),
        "chapters": tree(strategy.path),
        "concepts": [concept(c, rich_text) for c in live_snippets(Concept, locale=locale).order_by("sort_order")],
        "goals": [goal(g, rich_text) for g in live_snippets(Goal, locale=locale).order_by("sort_order")],
    }


def may_edit(request, id):
    """Drafts only for a token whose user may edit the strategy; everyone else reads the live version."""
    if not request.user.is_authenticated:
        return False
    strategy = StrategyPage.objects.filter(pk=id).first()
    return strategy is not None and strategy.permissions_for_user(request.user).can_edit()


def find_strategy(request, id, locale, draft):
    if draft:
        return StrategyPage.objects.select_related("locale").get(pk=id).get_latest_revision_as_object()
    visible = public_pages(request, StrategyPage).select_related("locale")
    strategy = visible.filter(pk=id).first()
    if strategy is None:
        raise Http404(f"No strategy with id {id}.")
    if strategy.locale_id != locale.pk:
        translations = list(visible.filter(translation_key=strategy.translation_key))
        strategy = next((t for t in translations if t.locale_id == locale.pk), None)
        if strategy is None:
            raise TranslationNotFound("strategy", locale.language_code, [t.locale.language_code for t in translations])
    return strategy


def find_chapters(request, strategy, draft):
    if not draft:
        return list(public_pages(request, ChapterPage).descendant_of(strategy).order_by("path"))
    chapters = list(ChapterPage.objects.descendant_of(strategy).order_by("path"))
    # One query for all drafts, rather than one per chapter.
    revisions = Revision.objects.in_bulk([c.latest_revision_id for c in chapters if c.latest_revision_id])
    return [revisions[c.latest_revision_id].as_object() if c.latest_revision_id in revisions else c for c in chapters]
