"""The follow-up's model rules: the baseline from Bilaga 1, a round's phases, a report's states."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from followup.models import ActivityStatus, ActorReport, FollowUpRound, NetworkRepresentative
from pages.content_package import read_package
from pages.content_package.reader import DEFAULT_PATH
from tests.followup.conftest import swedish_actor

pytestmark = pytest.mark.django_db


def baseline():
    return FollowUpRound.objects.get(is_baseline=True, locale__language_code="sv")


def test_the_baseline_round_is_the_decision_year_compiled_and_published(strategy):
    follow_up = baseline()
    assert follow_up.strategy_id == strategy.pk
    assert follow_up.year == 2023  # kommunfullmäktige 2023-01-31 § 24
    assert follow_up.live
    assert follow_up.phase() == FollowUpRound.Phase.COMPILED
    assert not follow_up.is_demo


def test_the_baseline_has_each_bilaga_1_activity_as_ongoing_or_planned_and_nothing_else():
    package = read_package(DEFAULT_PATH)
    expected = {
        item["name"]: [(ActivityStatus.ONGOING, t) for t in item.get("ongoing") or []]
        + [(ActivityStatus.PLANNED, t) for t in item.get("future") or []]
        for item in package["actors"]
        if item.get("ongoing") or item.get("future")
    }
    reports = ActorReport.objects.filter(round=baseline()).select_related("actor")
    found = {report.actor.name: [(a.status, a.text) for a in report.activities.all()] for report in reports}
    assert found == expected
    assert all(report.live for report in reports)
    assert not any(a.done or a.target_group for r in reports for a in r.activities.all())
    polisen = reports.get(actor__name="Polisen")
    assert [a.responsibility.text for a in polisen.activities.all()] == [a.text for a in polisen.activities.all()]


def test_a_round_is_planned_then_open_late_after_its_deadline_and_closed_once_compiled(open_follow_up):
    today = datetime.date.today()
    assert open_follow_up.phase(today - datetime.timedelta(days=8)) == FollowUpRound.Phase.PLANNED
    assert open_follow_up.phase(today) == FollowUpRound.Phase.OPEN
    assert not open_follow_up.is_late(today)
    assert open_follow_up.is_late(today + datetime.timedelta(days=22))
    open_follow_up.compiled_on = today
    assert open_follow_up.phase(today) == FollowUpRound.Phase.COMPILED
    assert not open_follow_up.is_open(today)


def test_a_new_round_starts_each_report_from_the_actors_current_responsibilities(built_actor_in_round):
    actor, follow_up = built_actor_in_round
    report = follow_up.reports.get(actor=actor)
    assert not report.live
    assert [(a.status, a.text) for a in report.activities.all()] == [
        (ActivityStatus.ONGOING if r.kind == "ongoing" else ActivityStatus.PLANNED, r.text)
        for r in actor.responsibilities.all()
    ]
    assert sorted(a.text for a in report.activities.all()) == ["Kampanj", "Uppsökande arbete", "Utbildning"]
    assert not follow_up.live


def test_a_report_is_not_submitted_then_submitted_then_approved(built_actor_in_round, superuser):
    actor, follow_up = built_actor_in_round
    report = follow_up.reports.get(actor=actor)
    assert report.state == ActorReport.State.DRAFT
    workflow = report.get_workflow()
    assert workflow is not None, "reports go through the review workflow"
    workflow.start(report, superuser)
    report.refresh_from_db()
    assert report.state == ActorReport.State.SUBMITTED
    report.current_workflow_state.cancel(user=superuser)
    report.save_revision().publish()
    report.refresh_from_db()
    assert report.state == ActorReport.State.APPROVED


def test_the_activity_statuses_are_the_five_the_follow_up_needs():
    assert set(ActivityStatus.values) == {"carried_out", "ongoing", "planned", "dropped", "new"}


def test_the_demo_round_is_refused_with_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("create_follow_up_demo", stdout=StringIO())
    assert not FollowUpRound.objects.filter(is_demo=True).exists()


def test_the_demo_round_is_marked_open_and_made_once(settings):
    settings.DEBUG = True
    call_command("create_follow_up_demo", stdout=StringIO())
    call_command("create_follow_up_demo", stdout=StringIO())
    demo = FollowUpRound.objects.get(is_demo=True)
    assert demo.is_open() and not demo.live
    assert demo.needs.startswith("[Demo]")
    assert demo.reports.filter(needs__startswith="[Demo]").count() == 1
    # The one filled-in activity, as the dashboard, the page and the editor show it.
    filled = demo.reports.get(needs__startswith="[Demo]")
    assert filled.activities.filter(status="carried_out", target_group__startswith="[Demo]").count() == 1
    assert "[Demo] Påhittad målgrupp" in str(filled.latest_revision.content)


def test_the_demo_users_include_a_representative_of_polisen(settings):
    settings.DEBUG = True
    call_command("create_demo_users", stdout=StringIO())
    link = NetworkRepresentative.objects.get(user__username="polisen")
    assert link.actor == swedish_actor("Polisen")
    assert list(link.user.groups.values_list("name", flat=True)) == ["Nätverksrepresentanter"]


def test_the_compiled_division_of_responsibilities_is_handed_over_as_a_reviewed_change(built_actor_in_round, superuser):
    from followup.models import ReportedActivity
    from followup.rounds import hand_over

    polisen, open_follow_up = built_actor_in_round
    before = [(r.kind, r.text) for r in polisen.responsibilities.all()]
    report = open_follow_up.reports.get(actor=polisen)
    statuses = [ActivityStatus.CARRIED_OUT, ActivityStatus.ONGOING, ActivityStatus.DROPPED, ActivityStatus.PLANNED]
    report.activities = [
        ReportedActivity(sort_order=i, locale=report.locale, status=status, text=f"Aktivitet {i}")
        for i, status in enumerate(statuses)
    ] + [ReportedActivity(sort_order=9, locale=report.locale, status=ActivityStatus.NEW, text="Ny aktivitet")]
    report.save()
    report.save_revision().publish()

    hand_over(open_follow_up, superuser)
    polisen.refresh_from_db()
    # Nothing public changes before review; the previous period stays the live version.
    assert [(r.kind, r.text) for r in polisen.responsibilities.all()] == before
    assert polisen.workflow_in_progress
    proposed = polisen.get_latest_revision_as_object()
    assert [(r.kind, r.text) for r in proposed.responsibilities.all()] == [
        ("ongoing", "Aktivitet 1"),
        ("future", "Aktivitet 3"),
        ("ongoing", "Ny aktivitet"),
    ]
    # Approved, it becomes the actor's responsibilities; the previous period is kept in the history.
    polisen.current_workflow_state.current_task_state.approve(user=superuser)
    polisen.refresh_from_db()
    assert [r.text for r in polisen.responsibilities.all()] == ["Aktivitet 1", "Aktivitet 3", "Ny aktivitet"]
    oldest = polisen.revisions.order_by("created_at").first().as_object()
    assert [(r.kind, r.text) for r in oldest.responsibilities.all()] == before
