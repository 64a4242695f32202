"""The coordinator hands a compiled round's division of responsibilities over in the admin; nobody else can."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Revision

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from followup.models import ActivityStatus, ReportedActivity
from tests.followup.conftest import swedish_actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled(open_follow_up):
    """The open round with Polisen's report approved (one activity carried out, one new) and compiled."""
    report = open_follow_up.reports.get(actor=swedish_actor("Polisen"))
    report.activities = [
        ReportedActivity(sort_order=0, locale=report.locale, status=ActivityStatus.CARRIED_OUT, text="Klart"),
        ReportedActivity(sort_order=1, locale=report.locale, status=ActivityStatus.NEW, text="Taxiutbildning"),
    ]
    report.save()
    report.save_revision().publish()
    open_follow_up.compiled_on = datetime.date.today()
    open_follow_up.save()
    return open_follow_up


def user_in(django_user_model, group, username="someone"):
    user = django_user_model.objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def hand_over_url(follow_up):
    return reverse("follow_up_hand_over", args=[follow_up.pk])


def test_the_coordinator_previews_then_hands_over_and_each_actor_is_in_review(client, django_user_model, compiled):
    client.force_login(user_in(django_user_model, APPROVERS))
    listing = client.get(reverse("wagtailsnippets_followup_followupround:list")).content.decode()
    assert hand_over_url(compiled) in listing

    preview = client.get(hand_over_url(compiled)).content.decode()
    assert "Taxiutbildning (Pågående aktivitet)" in preview
    assert "Klart" not in preview
    # The reports not approved are named: those actors keep their responsibilities.
    assert "Migrationsverket" in preview.split("behåller sina ansvarsområden")[1]

    response = client.post(hand_over_url(compiled), follow=True)
    polisen = swedish_actor("Polisen")
    assert polisen.workflow_in_progress
    assert [r.text for r in polisen.get_latest_revision_as_object().responsibilities.all()] == ["Taxiutbildning"]
    assert "Ansvarsfördelningen är överlämnad: 1 aktör har skickats till granskning." in response.content.decode()
    assert not swedish_actor("Migrationsverket").workflow_in_progress


def test_a_round_not_yet_compiled_is_not_handed_over(client, django_user_model, open_follow_up):
    client.force_login(user_in(django_user_model, APPROVERS))
    assert "Omgången är inte sammanställd" in client.get(hand_over_url(open_follow_up)).content.decode()
    revisions = Revision.objects.count()
    response = client.post(hand_over_url(open_follow_up), follow=True)
    assert response.status_code == 200
    assert "Omgången är inte sammanställd" in response.content.decode()
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize("group", [COMMUNICATORS, TRANSLATORS])
def test_other_roles_are_refused_even_a_crafted_post(client, django_user_model, compiled, group):
    client.force_login(user_in(django_user_model, group))
    revisions = Revision.objects.count()
    assert client.get(hand_over_url(compiled)).status_code == 403
    assert client.post(hand_over_url(compiled)).status_code == 403
    assert Revision.objects.count() == revisions
    listing = client.get(reverse("wagtailsnippets_followup_followupround:list"))
    assert hand_over_url(compiled) not in listing.content.decode()


def test_a_representative_is_refused(client, representative, compiled):
    client.force_login(representative("Polisen"))
    revisions = Revision.objects.count()
    assert client.post(hand_over_url(compiled)).status_code == 403
    assert Revision.objects.count() == revisions


def test_an_anonymous_post_goes_to_the_login(client, compiled):
    revisions = Revision.objects.count()
    response = client.post(hand_over_url(compiled))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Revision.objects.count() == revisions
