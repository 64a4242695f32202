"""The yearly follow-ups of a strategy: published rounds only, in the requested language.

A round's id is its Swedish id whatever the language asked for: reports not yet translated are
shown in Swedish, and each says which language it is in (`locale`), as the public page does.
The strategy and everything shown must be live and public; drafts are never served, with a token
or without one.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.models import Locale

from followup.models import FollowUpRound
from followup.progress import progress
from pages.models import StrategyPage

from .. import schemas
from ..content import get_locale, public_pages

PUBLIC = [BearerTokenAuth(), AllowAnonymous()]
router = Router(tags=["follow-ups"])


class ListQuery(Schema):
    # Bounded: a larger number is no id, and SQLite cannot even compare it (a 500, not a 404).
    strategy: int = Field(ge=1, le=2**63 - 1, description="The strategy's id, in any language.")
    locale: str = settings.LANGUAGE_CODE


class DetailQuery(Schema):
    locale: str = settings.LANGUAGE_CODE


def swedish_strategy(request, strategy_id):
    strategy = public_pages(request, StrategyPage).filter(pk=strategy_id).first()
    if strategy is None:
        raise Http404(f"No published strategy with id {strategy_id}.")
    source = Locale.get_default()
    if strategy.locale_id != source.pk:
        strategy = (
            public_pages(request, StrategyPage).filter(translation_key=strategy.translation_key, locale=source).first()
        )
        if strategy is None:
            raise Http404(f"No published Swedish strategy for id {strategy_id}.")
    return strategy


def summary(follow_up):
    return {
        "id": follow_up.pk,
        "strategy_id": follow_up.strategy_id,
        "year": follow_up.year,
        "is_baseline": follow_up.is_baseline,
        "opens_on": follow_up.opens_on,
        "report_deadline": follow_up.report_deadline,
        "compiled_on": follow_up.compiled_on,
    }


@router.get("/", response=list[schemas.FollowUpSummary], auth=PUBLIC, operation_id="follow_ups_list")
def list_follow_ups(request, params: ListQuery = Query(...)):  # noqa: B008
    """A strategy's published follow-up rounds, newest first."""
    get_locale(params.locale)
    strategy = swedish_strategy(request, params.strategy)
    return [summary(r) for r in FollowUpRound.objects.filter(strategy=strategy, live=True).order_by("-year")]


@router.get("/{int:id}/", response=schemas.FollowUpDocument, auth=PUBLIC, operation_id="follow_ups_detail")
def follow_up_detail(request, id: int, params: DetailQuery = Query(...)):  # noqa: B008
    """One published round: per actor its activities with status, per goal what was done, year over year."""
    locale = get_locale(params.locale)
    # Status labels and "not linked to a goal" in the language asked for, not the request's.
    with translation.override(locale.language_code):
        return follow_up_document(request, id, locale)


def follow_up_document(request, id, locale):
    follow_up = FollowUpRound.objects.filter(pk=id, live=True, locale=Locale.get_default()).first()
    if follow_up is None:
        raise Http404(f"No published follow-up with id {id}.")
    swedish_strategy(request, follow_up.strategy_id)
    data = progress(follow_up, locale)
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    return {
        **summary(follow_up),
        "locale": locale.language_code,
        "reports": [
            {
                "actor": {"id": actor.pk, "name": actor.name, "locale": codes[actor.locale_id]},
                "locale": codes[report.locale_id],
                "needs": report.needs,
                "activities": [
                    {
                        "status": activity.status,
                        "status_label": str(activity.get_status_display()),
                        "text": activity.text,
                        "done": activity.done,
                        "target_group": activity.target_group,
                    }
                    for activity in report.activities.all()
                ],
            }
            for actor, report in data.reports
        ],
        "comparison": [
            {
                "goal": str(goal),
                "years": [
                    {"year": year, "counts": dict(zip(data.status_values, counts, strict=True))}
                    for year, counts in years
                ],
            }
            for goal, years in data.comparison
        ],
    }
