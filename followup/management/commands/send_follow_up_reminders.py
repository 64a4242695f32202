import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from followup.reminders import ReminderConfigurationError, check_configuration, due_reminders, send


class Command(BaseCommand):
    help = (
        "E-mails the follow-up reminders that are due (reports due within 14 days or late, a network meeting "
        "due); run it daily. A reminder is never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send nothing.")

    def handle(self, *args, dry_run=False, **options):
        try:
            check_configuration()
            reminders = list(due_reminders(timezone.localdate()))
        except ReminderConfigurationError as error:
            raise CommandError(str(error)) from error
        if dry_run:
            for reminder in reminders:
                self.stdout.write(f"Would send {reminder.kind} to {reminder.user.email} ({reminder.key})")
            self.stdout.write(f"{len(reminders)} reminders due; nothing sent (--dry-run).")
            return
        sent = 0
        try:
            with get_connection() as connection:
                for reminder in reminders:
                    if send(reminder, connection):
                        sent += 1
                        if options["verbosity"] > 1:
                            self.stdout.write(f"Sent {reminder.kind} to {reminder.user.email} ({reminder.key})")
        except (OSError, smtplib.SMTPException) as error:
            raise CommandError(
                f"Could not send e-mail through {settings.EMAIL_BACKEND} "
                f"(EMAIL_HOST {settings.EMAIL_HOST}, port {settings.EMAIL_PORT}): {error}. "
                f"{sent} reminders were sent before that and will not be sent again; "
                "the rest are sent on the next run."
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} follow-up reminders."))
