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
