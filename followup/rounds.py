"""Opening a round: every actor with responsibilities gets a draft report that starts from them."""

from django.db import transaction
from wagtail.models import Locale

from snippets.models import Actor, Responsibility

from .models import ActivityStatus, ActorReport, FollowUpRound, ReportedActivity

STATUS_OF_KIND = {
    Responsibility.Kind.ONGOING: ActivityStatus.ONGOING,
    Responsibility.Kind.FUTURE: ActivityStatus.PLANNED,
}


def activities_from_responsibilities(actor):
    """An actor's current responsibilities as a report's starting activities (ongoing stays ongoing,
    future becomes planned); the representative then says what became of each."""
    return [
        ReportedActivity(
            sort_order=index,
            locale_id=actor.locale_id,
            responsibility=responsibility,
            status=STATUS_OF_KIND[responsibility.kind],
            text=responsibility.text,
        )
        for index, responsibility in enumerate(actor.responsibilities.all())
    ]


@transaction.atomic
def open_round(strategy, year, opens_on, report_deadline, **fields):
    """A new round in Swedish, unpublished, with one draft report per actor that has responsibilities."""
    locale = Locale.get_default()
    follow_up = FollowUpRound(
        strategy=strategy,
        year=year,
        opens_on=opens_on,
        report_deadline=report_deadline,
        locale=locale,
        live=False,
        **fields,
    )
    follow_up.save()
    follow_up.save_revision()
    actors = Actor.objects.filter(locale=locale, live=True, responsibilities__isnull=False).distinct()
    for actor in actors.prefetch_related("responsibilities"):
        report = ActorReport(round=follow_up, actor=actor, locale=locale, live=False)
        report.activities = activities_from_responsibilities(actor)
        report.save()
        report.save_revision()
    return follow_up


HANDED_OVER = {
    ActivityStatus.ONGOING: Responsibility.Kind.ONGOING,
    ActivityStatus.NEW: Responsibility.Kind.ONGOING,
    ActivityStatus.PLANNED: Responsibility.Kind.FUTURE,
}


def handover_plan(follow_up):
    """[(report, [(kind, text), ...])] for each approved report: what becomes its actor's responsibilities.

    What continues (ongoing and new activities) and what is planned; carried-out and dropped ones are
    done with. Reports not approved (not live) are not part of the compiled round and hand nothing over.
    """
    reports = follow_up.reports.filter(live=True).select_related("actor").prefetch_related("activities")
    return [
        (report, [(HANDED_OVER[a.status], a.text) for a in report.activities.all() if a.status in HANDED_OVER])
        for report in reports.order_by("actor__sort_order", "actor__name")
    ]


@transaction.atomic
def hand_over(follow_up, user):
    """The compiled round's division of responsibilities becomes each actor's for the next period.

    Each actor gets a new revision with the responsibilities of handover_plan, submitted to its review
    workflow: nothing changes publicly until an approver approves, and the previous period stays in the
    actor's history. Returns the actors submitted.
    """
    submitted = []
    for report, rows in handover_plan(follow_up):
        actor = report.actor.get_latest_revision_as_object()
        actor.responsibilities = [
            Responsibility(sort_order=index, locale_id=actor.locale_id, kind=kind, text=text)
            for index, (kind, text) in enumerate(rows)
        ]
        revision = actor.save_revision(user=user)
        workflow = actor.get_workflow()
        if workflow is not None and not actor.workflow_in_progress:
            workflow.start(actor, user)
        submitted.append((actor, revision))
    return submitted
