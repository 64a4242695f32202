"""What the public sees of the follow-up: published rounds and reports, in the reader's language.

A report, an actor or a goal is shown in the reader's language where a live translation exists,
otherwise in Swedish, the source (as Wagtail's `localized` does, but for whole lists at once: the
number of queries does not grow with the number of actors, activities or rounds).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from snippets.models import Actor, Goal

from .models import ActivityStatus, ActorReport, FollowUpRound, ReportedActivity

NO_GOAL = _("Not linked to a goal")


def published_rounds(strategy):
    """The (Swedish) strategy's live rounds in Swedish, newest first."""
    return list(FollowUpRound.objects.filter(strategy=strategy, live=True).order_by("-year"))


def in_language(objects, model, locale, queryset=None):
    """{source pk: the object's live translation in `locale`, or the source itself}, in one query."""
    if locale.pk == Locale.get_default().pk or not objects:
        return {obj.pk: obj for obj in objects}
    queryset = model.objects.all() if queryset is None else queryset
    translated = {
        obj.translation_key: obj
        for obj in queryset.filter(locale=locale, live=True, translation_key__in=[o.translation_key for o in objects])
    }
    return {obj.pk: translated.get(obj.translation_key, obj) for obj in objects}


def reports_query():
    activities = ReportedActivity.objects.order_by("sort_order").prefetch_related(
        Prefetch("goals", queryset=Goal.objects.only("pk", "translation_key", "title", "sort_order"))
    )
    return ActorReport.objects.select_related("actor").prefetch_related(Prefetch("activities", queryset=activities))


@dataclass
class GoalProgress:
    title: str
    activities: list = field(default_factory=list)  # [(actor name, activity)]


@dataclass
class Progress:
    follow_up: FollowUpRound
    reports: list  # [(actor, report)], in the network's order
    by_goal: list  # [GoalProgress]
    needs: list  # [(actor, text)]
    years: list  # [year], oldest first
    comparison: list  # [(goal title, [(year, [count for each ActivityStatus, in order])])]
    statuses: list = field(default_factory=lambda: list(ActivityStatus))
    status_values: list = field(default_factory=lambda: list(ActivityStatus.values))


def progress(follow_up, locale):
    """Everything the public follow-up page shows for one live Swedish round, in `locale`."""
    rounds = published_rounds(follow_up.strategy)
    reports = list(reports_query().filter(round__in=rounds, live=True, locale=follow_up.locale))
    shown = in_language(reports, ActorReport, locale, reports_query())
    actors = in_language([r.actor for r in reports], Actor, locale)
    goals = {goal.pk: goal for goal in Goal.objects.filter(locale=follow_up.locale, live=True)}
    goal_names = {pk: goal.title for pk, goal in in_language(list(goals.values()), Goal, locale).items()}
    goal_order = [pk for pk, _goal in sorted(goals.items(), key=lambda item: (item[1].sort_order, item[1].title))]

    def goal_ids(activity):
        # Goals are chosen in the Swedish report; a translation shows the same ones, by name in its language.
        return [pk for pk in (g.pk for g in activity.goals.all()) if pk in goals] or [None]

    current = [r for r in reports if r.round_id == follow_up.pk]
    by_goal = {pk: GoalProgress(goal_names[pk]) for pk in goal_order}
    for report in current:
        translated = {a.translation_key: a for a in shown[report.pk].activities.all()}
        for source in report.activities.all():
            activity = translated.get(source.translation_key, source)
            if activity.status in (ActivityStatus.CARRIED_OUT, ActivityStatus.ONGOING, ActivityStatus.NEW):
                for pk in goal_ids(source):
                    if pk is not None:
                        by_goal[pk].activities.append((actors[report.actor_id], activity))

    years = sorted({r.year for r in rounds})
    year_of = {r.pk: r.year for r in rounds}
    counts = {}
    for report in reports:
        for activity in report.activities.all():
            for pk in goal_ids(activity):
                counts.setdefault(pk, {}).setdefault(year_of[report.round_id], Counter())[activity.status] += 1
    comparison = [
        (
            goal_names[pk] if pk else NO_GOAL,
            [(year, [counts[pk].get(year, Counter())[status] for status in ActivityStatus]) for year in years],
        )
        for pk in [*goal_order, None]
        if pk in counts
    ]
    return Progress(
        follow_up=follow_up,
        reports=[(actors[r.actor_id], shown[r.pk]) for r in current],
        by_goal=list(by_goal.values()),
        needs=[(actors[r.actor_id], shown[r.pk].needs) for r in current if shown[r.pk].needs],
        years=years,
        comparison=comparison,
    )
