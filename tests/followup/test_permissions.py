"""The permission matrix of the follow-up: a network representative reaches their own actor's report
in an open round, on every admin path, and nothing else; the coordinator (Granskare) reaches them all."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.roles import APPROVERS
from followup.models import ActorReport, FollowUpRound
from snippets.models import Contact
from tests.followup.conftest import swedish_actor

pytestmark = pytest.mark.django_db


def url(name, report, *args):
    return reverse(ActorReport.snippet_viewset.get_url_name(name), args=[report.pk, *args])


def per_object_urls(report):
    revision = report.latest_revision
    return [
        url("edit", report),
        url("history", report),
        url("usage", report),
        url("workflow_history", report),
        url("revisions_view", report, revision.pk),
        reverse(
            ActorReport.snippet_viewset.get_url_name("revisions_compare"),
            kwargs={"pk": report.pk, "revision_id_a": "earliest", "revision_id_b": "latest"},
        ),
    ]


def edit_data(report, **changes):
    """The edit form as the browser posts it, with the report's activities as they are."""
    activities = list(report.activities.all())
    data = {
        "needs": report.needs,
        "activities-TOTAL_FORMS": str(len(activities)),
        "activities-INITIAL_FORMS": str(len(activities)),
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "1000",
    }
    for index, activity in enumerate(activities):
        prefix = f"activities-{index}-"
        data.update(
            {
                prefix + "id": str(activity.pk),
                prefix + "ORDER": str(index + 1),
                prefix + "DELETE": "",
                prefix + "text": activity.text,
                prefix + "status": activity.status,
                prefix + "done": activity.done,
                prefix + "target_group": activity.target_group,
            }
        )
    data.update(changes)
    return data


@pytest.fixture
def polis(client, representative):
    client.force_login(representative("Polisen"))
    return client


def report_of(follow_up, name):
    return follow_up.reports.get(actor=swedish_actor(name))


def test_a_representative_opens_their_actors_report_on_every_path(polis, open_follow_up):
    for path in per_object_urls(report_of(open_follow_up, "Polisen")):
        assert polis.get(path).status_code == 200, path


def test_a_representative_is_refused_another_actors_report_on_every_path(polis, open_follow_up):
    other = report_of(open_follow_up, "Migrationsverket")
    for path in per_object_urls(other):
        assert polis.get(path).status_code == 403, path
    before = other.latest_revision_id
    response = polis.post(url("edit", other), edit_data(other, needs="Polisen skriver här"))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.latest_revision_id == before and other.needs == ""


def test_a_representative_lists_only_their_own_reports(polis, open_follow_up):
    listing = polis.get(reverse(ActorReport.snippet_viewset.get_url_name("list"))).content.decode()
    assert "Polisen" in listing
    for name in ["Migrationsverket", "Socialkontoret"]:
        assert name not in listing


def test_a_representative_saves_and_submits_their_report_but_cannot_publish(polis, open_follow_up):
    report = report_of(open_follow_up, "Polisen")
    data = edit_data(report, **{"needs": "Fler flygblad på fler språk.", "activities-0-status": "carried_out"})
    response = polis.post(url("edit", report), {**data, "action-publish": "publish"})
    report.refresh_from_db()
    assert not report.live, "a representative never publishes"
    response = polis.post(url("edit", report), {**data, "action-submit": "submit"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ActorReport.State.SUBMITTED
    assert not report.live
    draft = report.get_latest_revision_as_object()
    assert draft.needs == "Fler flygblad på fler språk."
    assert draft.activities.first().status == "carried_out"


def test_a_representative_cannot_change_their_report_once_the_round_is_closed(polis, open_follow_up):
    baseline = FollowUpRound.objects.get(is_baseline=True, locale__language_code="sv")
    closed = report_of(baseline, "Polisen")
    assert polis.get(url("history", closed)).status_code == 200
    response = polis.post(url("edit", closed), edit_data(closed, needs="Sent tillägg"))
    assert response.status_code == 403
    closed.refresh_from_db()
    assert closed.needs == ""


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pages/",
        "/admin/snippets/followup/followupround/",
        "/admin/snippets/followup/networkmeeting/",
        "/admin/snippets/followup/actorreport/add/",
        "/admin/snippets/choose/snippets/actor/",
        "/admin/snippets/choose/followup/actorreport/",
        "/admin/choose-page/",
        "/admin/users/",
        "/admin/reports/workflow/",
    ],
)
def test_a_representative_reaches_nothing_else(polis, open_follow_up, path):
    assert polis.get(path).status_code in (403, 404), path


def test_a_representative_cannot_edit_a_contact(polis):
    contact = Contact.objects.filter(locale__language_code="sv").first()
    assert polis.get(reverse(Contact.snippet_viewset.get_url_name("edit"), args=[contact.pk])).status_code == 403


def test_a_representative_has_a_dashboard(polis):
    assert polis.get("/admin/").status_code == 200


def test_the_coordinator_opens_every_report_and_publishes(client, django_user_model, open_follow_up):
    coordinator = django_user_model.objects.create_user("samordnare", password="pw")
    coordinator.groups.add(Group.objects.get(name=APPROVERS))
    client.force_login(coordinator)
    for name in ["Polisen", "Migrationsverket"]:
        for path in per_object_urls(report_of(open_follow_up, name)):
            assert client.get(path).status_code == 200, path
    report = report_of(open_follow_up, "Migrationsverket")
    client.post(url("edit", report), {**edit_data(report), "action-publish": "publish"})
    report.refresh_from_db()
    assert report.live


def test_the_coordinators_dashboard_says_who_has_reported_and_who_is_late(client, django_user_model, open_follow_up):
    coordinator = django_user_model.objects.create_user("samordnare", password="pw")
    coordinator.groups.add(Group.objects.get(name=APPROVERS))
    report = report_of(open_follow_up, "Polisen")
    report.get_workflow().start(report, coordinator)
    total = open_follow_up.reports.count()
    client.force_login(coordinator)
    dashboard = client.get("/admin/").content.decode()
    assert f"1 av {total} rapporterade" in dashboard
    assert open_follow_up.report_deadline.isoformat() in dashboard
    assert "Sen" not in dashboard
    open_follow_up.report_deadline = open_follow_up.opens_on
    open_follow_up.save()
    dashboard = client.get("/admin/").content.decode()
    assert dashboard.count("<strong>Sen</strong>") == total - 1


def test_a_representatives_dashboard_shows_only_their_own_report(polis, open_follow_up):
    dashboard = polis.get("/admin/").content.decode()
    assert url("edit", report_of(open_follow_up, "Polisen")) in dashboard
    assert "Migrationsverket" not in dashboard and "rapporterade" not in dashboard


def test_the_coordinators_listing_says_where_each_report_stands_in_swedish(client, django_user_model, open_follow_up):
    coordinator = django_user_model.objects.create_user("samordnare", password="pw")
    coordinator.groups.add(Group.objects.get(name=APPROVERS))
    report_of(open_follow_up, "Polisen").get_workflow().start(report_of(open_follow_up, "Polisen"), coordinator)
    client.force_login(coordinator)
    listing = client.get(reverse(ActorReport.snippet_viewset.get_url_name("list")), {"locale": "sv"}).content.decode()
    assert "Inlämnad för granskning" in listing and "Inte inlämnad" in listing and "Godkänd" in listing
    assert ">draft<" not in listing and "submitted" not in listing
