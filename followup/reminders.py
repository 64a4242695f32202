"""Who is reminded of what, and when: manage.py send_follow_up_reminders, run daily.

A representative whose actor's report is not submitted gets one reminder when the deadline is
14 days away or nearer, and one more once it has passed (reporting stays possible until the round
is compiled). The coordinators (followup.permissions.coordinators: Granskare, for Socialkontoret)
get one reminder when the network has not met for half a year, as it meets twice a year. Each
reminder is recorded (SentReminder) in the same transaction that sends it, so a second run, or
two runs at once, never send it again.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from pages.site_address import admin_address_problem
from snippets.models import Actor

from .models import ActorReport, FollowUpRound, NetworkRepresentative, SentReminder
from .permissions import coordinators

DUE_SOON = datetime.timedelta(days=14)
# The local network meets twice a year (the strategy's "Uppföljning och ansvar").
MEETING_INTERVAL = datetime.timedelta(days=182)

Kind = SentReminder.Kind


class ReminderConfigurationError(Exception):
    """A setting that makes reminders useless or impossible to send; the message says which and why."""


@dataclass
class Reminder:
    kind: str
    user: object
    key: str
    context: dict

    def message(self, connection=None):
        """The e-mail in the user's language (their admin language when set, else Swedish)."""
        language = language_of(self.user)
        with translation.override(language):
            subject, body = TEXTS[self.kind](**localised(self.context, language))
        return EmailMessage(subject, body, to=[self.user.email], connection=connection)


def admin_base_url():
    url = settings.WAGTAILADMIN_BASE_URL or ""
    problem = admin_address_problem(url)
    if problem:
        raise ReminderConfigurationError(problem)
    return url.rstrip("/")


def check_configuration():
    admin_base_url()
    sender = settings.DEFAULT_FROM_EMAIL or ""
    if "@" not in sender:
        raise ReminderConfigurationError(
            f"DEFAULT_FROM_EMAIL must be an e-mail address to send reminders from; got {sender!r}."
        )


def language_of(user):
    languages = dict(settings.LANGUAGES)
    profile = UserProfile.objects.filter(user=user).first()
    preferred = (profile.preferred_language if profile else "") or ""
    preferred = preferred.split("-")[0]
    return preferred if preferred in languages else settings.LANGUAGE_CODE


def localised(context, language):
    """Dates in the reader's format, the actor's name in their language when translated."""
    shown = dict(context)
    for name, value in context.items():
        if isinstance(value, datetime.date):
            shown[name] = formats.date_format(value, "DATE_FORMAT")
    actor = context.get("actor")
    if isinstance(actor, Actor):
        translated = Actor.objects.filter(
            translation_key=actor.translation_key, locale__language_code=language, live=True
        ).first()
        shown["actor"] = (translated or actor).name
    return shown


def with_recipient(users):
    return [user for user in users if user.is_active and user.email]


def report_reminders(today):
    base = admin_base_url()
    finder = AdminURLFinder()
    rounds = FollowUpRound.objects.filter(
        locale=Locale.get_default(),
        compiled_on__isnull=True,
        opens_on__lte=today,
        report_deadline__lte=today + DUE_SOON,
    )
    reports = ActorReport.objects.filter(round__in=rounds).select_related("round", "actor")
    for report in reports.order_by("round__report_deadline", "actor__sort_order", "actor__name"):
        if report.state != ActorReport.State.DRAFT:
            continue
        kind = Kind.LATE if today > report.round.report_deadline else Kind.DUE_SOON
        links = NetworkRepresentative.objects.filter(actor_id=report.actor_id).select_related("user")
        for user in with_recipient(link.user for link in links):
            yield Reminder(
                kind,
                user,
                f"report:{report.pk}",
                {
                    "actor": report.actor,
                    "year": report.round.year,
                    "deadline": report.round.report_deadline,
                    "url": base + finder.get_edit_url(report),
                },
            )


def meeting_reminders(today):
    base = admin_base_url()
    recipients = with_recipient(coordinators().order_by("pk"))
    if not recipients:
        return
    strategies = (
        FollowUpRound.objects.filter(locale=Locale.get_default())
        .values("strategy_id")
        .annotate(last_meeting=Max("meetings__date"))
        .order_by("strategy_id")
    )
    for row in strategies:
        last = row["last_meeting"]
        if last is not None and today - last < MEETING_INTERVAL:
            continue
        latest_round = (
            FollowUpRound.objects.filter(strategy_id=row["strategy_id"], locale=Locale.get_default())
            .select_related("strategy")
            .order_by("-year")
            .first()
        )
        for user in recipients:
            yield Reminder(
                Kind.MEETING_DUE,
                user,
                f"meeting:{row['strategy_id']}:{last.isoformat() if last else 'none'}",
                {
                    "strategy": latest_round.strategy.title,
                    "last": last,
                    "url": base + reverse("wagtailsnippets_followup_networkmeeting:add"),
                },
            )


def due_reminders(today):
    """Every reminder due today that has not been sent."""
    sent = set(SentReminder.objects.values_list("kind", "user_id", "key"))
    for reminder in [*report_reminders(today), *meeting_reminders(today)]:
        if (reminder.kind, reminder.user.pk, reminder.key) not in sent:
            yield reminder


def send(reminder, connection):
    """Sends and records one reminder, or neither; False when another run has just sent it."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(kind=reminder.kind, user=reminder.user, key=reminder.key)
            reminder.message(connection).send()
    except IntegrityError:
        return False
    return True


def due_soon_text(actor, year, deadline, url):
    return (
        _("Follow-up %(year)s: the report for %(actor)s is due on %(deadline)s")
        % {"year": year, "actor": actor, "deadline": deadline},
        _(
            "Hello,\n\nThe report of %(actor)s for the follow-up %(year)s is due on %(deadline)s and has not "
            "been submitted yet. Fill it in and submit it here:\n\n%(url)s\n\n"
            "This is an automatic reminder; you get it once."
        )
        % {"year": year, "actor": actor, "deadline": deadline, "url": url},
    )


def late_text(actor, year, deadline, url):
    return (
        _("Follow-up %(year)s: the report for %(actor)s is late") % {"year": year, "actor": actor},
        _(
            "Hello,\n\nThe report of %(actor)s for the follow-up %(year)s was due on %(deadline)s and has not "
            "been submitted yet. You can still submit it until Socialkontoret compiles the follow-up:\n\n"
            "%(url)s\n\nThis is an automatic reminder; you get it once."
        )
        % {"year": year, "actor": actor, "deadline": deadline, "url": url},
    )


def meeting_text(strategy, last, url):
    if last:
        since = _("The last network meeting recorded for %(strategy)s was on %(date)s.") % {
            "strategy": strategy,
            "date": last,
        }
    else:
        since = _("No network meeting has been recorded for %(strategy)s yet.") % {"strategy": strategy}
    return (
        _("Time for a network meeting"),
        _(
            "Hello,\n\nThe local network meets twice a year. %(since)s Record the next meeting, who took part "
            "and its minutes here:\n\n%(url)s\n\nThis is an automatic reminder; you get it once."
        )
        % {"since": since, "url": url},
    )


TEXTS = {Kind.DUE_SOON: due_soon_text, Kind.LATE: late_text, Kind.MEETING_DUE: meeting_text}
