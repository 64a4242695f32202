"""manage.py send_follow_up_reminders: who gets which reminder, in which language, and never twice."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.roles import APPROVERS, NETWORK_REPRESENTATIVES
from followup.models import ActorReport, NetworkMeeting, NetworkRepresentative, SentReminder
from followup.rounds import open_round
from tests.followup.conftest import swedish_actor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("configured")]

ADMIN = "https://cms.example.se"
TODAY = datetime.date.today()


@pytest.fixture
def configured(settings):
    settings.WAGTAILADMIN_BASE_URL = ADMIN
    settings.DEFAULT_FROM_EMAIL = "uppfoljning@example.se"
    # The baseline's network has never met: that reminder has tests of its own.
    NetworkMeeting.objects.create(
        round_id=follow_up_rounds().first().pk, date=TODAY, locale=Locale.get_default(), live=True
    )


def follow_up_rounds():
    from followup.models import FollowUpRound

    return FollowUpRound.objects.filter(locale__language_code="sv").order_by("year")


def deadline_in(strategy, days, year=2030):
    return open_round(
        strategy,
        year,
        opens_on=TODAY - datetime.timedelta(days=30),
        report_deadline=TODAY + datetime.timedelta(days=days),
    )


@pytest.fixture
def member(django_user_model):
    def make(username, actor_name, language=""):
        user = django_user_model.objects.create_user(username, email=f"{username}@example.se", password="pw")
        user.groups.add(Group.objects.get(name=NETWORK_REPRESENTATIVES))
        NetworkRepresentative.objects.create(user=user, actor=swedish_actor(actor_name))
        if language:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        return user

    return make


def run(*args):
    out = StringIO()
    call_command("send_follow_up_reminders", *args, stdout=out)
    return out.getvalue()


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_a_representative_is_reminded_once_two_weeks_before_the_deadline_with_a_link_to_their_report(strategy, member):
    follow_up = deadline_in(strategy, 14)
    member("polis", "Polisen")
    assert "Sent 1 follow-up reminders." in run()
    [message] = mail.outbox
    report = follow_up.reports.get(actor=swedish_actor("Polisen"))
    assert message.to == ["polis@example.se"]
    assert message.from_email == "uppfoljning@example.se"
    assert message.subject.startswith("Uppföljning 2030: rapporten för Polisen ska vara inlämnad")
    assert f"{ADMIN}/admin/snippets/followup/actorreport/edit/{report.pk}/" in message.body

    assert "Sent 0 follow-up reminders." in run()
    assert len(mail.outbox) == 1
    assert SentReminder.objects.count() == 1


def test_nobody_is_reminded_earlier_than_two_weeks_before(strategy, member):
    deadline_in(strategy, 15)
    member("polis", "Polisen")
    run()
    assert mail.outbox == []


def test_a_late_report_gets_one_more_reminder_then_nothing(strategy, member):
    follow_up = deadline_in(strategy, 3)
    member("polis", "Polisen")
    run()
    follow_up.report_deadline = TODAY - datetime.timedelta(days=1)
    follow_up.save()
    run()
    run()
    soon, late = sent_to("polis@example.se")
    assert "ska vara inlämnad" in soon.subject
    assert late.subject == "Uppföljning 2030: rapporten för Polisen är sen"
    assert "sammanställer" in late.body


def test_who_has_submitted_or_whose_round_is_compiled_gets_nothing(strategy, member, django_user_model):
    follow_up = deadline_in(strategy, 5)
    member("polis", "Polisen")
    member("migrationsverket", "Migrationsverket")
    submitted = follow_up.reports.get(actor=swedish_actor("Migrationsverket"))
    submitted.get_workflow().start(submitted, django_user_model.objects.get(username="migrationsverket"))
    assert submitted.state == ActorReport.State.SUBMITTED
    run()
    assert len(sent_to("polis@example.se")) == 1
    assert sent_to("migrationsverket@example.se") == []


def test_a_compiled_round_reminds_nobody(strategy, member):
    follow_up = deadline_in(strategy, -10)
    follow_up.compiled_on = TODAY
    follow_up.save()
    member("polis", "Polisen")
    run()
    assert mail.outbox == []


def test_a_representative_reads_the_reminder_in_their_admin_language(strategy, member):
    deadline_in(strategy, 7)
    member("police", "Polisen", language="en")
    run()
    [message] = mail.outbox
    assert message.subject.startswith("Follow-up 2030: the report for")
    assert "is due on" in message.subject
    assert "Fill it in and submit it here" in message.body


def test_a_representative_without_an_email_address_is_skipped(strategy, representative):
    deadline_in(strategy, 7)
    representative("Polisen")
    run()
    assert mail.outbox == []


@pytest.fixture
def coordinator(django_user_model):
    user = django_user_model.objects.create_user("samordnare", email="samordnare@example.se", password="pw")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


def test_the_coordinator_is_reminded_once_when_the_network_has_not_met_for_half_a_year(coordinator):
    meeting = NetworkMeeting.objects.get()
    meeting.date = TODAY - datetime.timedelta(days=181)
    meeting.save()
    run()
    assert mail.outbox == []

    meeting.date = TODAY - datetime.timedelta(days=182)
    meeting.save()
    run()
    run()
    [message] = mail.outbox
    assert message.to == ["samordnare@example.se"]
    assert message.subject == "Dags för nätverksmöte"
    assert f"{ADMIN}/admin/snippets/followup/networkmeeting/add/" in message.body

    # Once the next meeting is recorded, the reminder comes again half a year after it.
    NetworkMeeting.objects.create(
        round=meeting.round, date=TODAY - datetime.timedelta(days=200), locale=meeting.locale, live=False
    )
    run()
    assert len(mail.outbox) == 1


def test_the_coordinator_is_reminded_when_the_network_has_never_met(coordinator):
    NetworkMeeting.objects.all().delete()
    run()
    run()
    [message] = mail.outbox
    assert "Inget nätverksmöte har registrerats" in message.body


@pytest.mark.parametrize(
    ("setting", "value", "says"),
    [
        ("WAGTAILADMIN_BASE_URL", "/admin", "WAGTAILADMIN_BASE_URL must be the admin's absolute address"),
        ("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000", "an address on this machine"),
        ("DEFAULT_FROM_EMAIL", "", "DEFAULT_FROM_EMAIL must be an e-mail address"),
    ],
)
def test_a_setting_that_makes_reminders_useless_stops_the_command_with_a_clear_message(
    strategy, member, settings, setting, value, says
):
    deadline_in(strategy, 7)
    member("polis", "Polisen")
    setattr(settings, setting, value)
    with pytest.raises(CommandError, match=says):
        run()
    assert mail.outbox == []
    assert not SentReminder.objects.exists()


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=9, EMAIL_TIMEOUT=5
)
def test_a_mail_server_that_cannot_be_reached_is_named_and_nothing_is_recorded_as_sent(strategy, member):
    deadline_in(strategy, 7)
    member("polis", "Polisen")
    with pytest.raises(CommandError, match=r"Could not send e-mail .*EMAIL_HOST 127\.0\.0\.1, port 9"):
        run()
    assert not SentReminder.objects.exists()


def test_a_dry_run_lists_the_reminders_and_sends_nothing(strategy, member):
    deadline_in(strategy, 7)
    member("polis", "Polisen")
    out = run("--dry-run")
    assert "Would send due_soon to polis@example.se" in out
    assert mail.outbox == []
    assert not SentReminder.objects.exists()
