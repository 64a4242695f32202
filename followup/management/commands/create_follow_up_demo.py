import datetime
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from followup.models import ActivityStatus, FollowUpRound
from followup.rounds import open_round
from pages.models import StrategyPage

DEMO = "[Demo] "


class Command(BaseCommand):
    help = "Local development only: an open follow-up round after the baseline, marked as demo data."

    def handle(self, *args, **options):
        if not settings.DEBUG or os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production"):
            raise CommandError("Demo follow-up data is for local development only; refusing with production settings.")
        strategy = StrategyPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        baseline = FollowUpRound.objects.filter(strategy=strategy, is_baseline=True).first()
        if strategy is None or baseline is None:
            raise CommandError("Load the strategy first: python manage.py load_strategy")
        if FollowUpRound.objects.filter(strategy=strategy, is_demo=True).exists():
            self.stdout.write("The demo round exists already; nothing changed.")
            return
        today = datetime.date.today()
        year = max(baseline.year + 1, today.year)
        follow_up = open_round(
            strategy,
            year,
            opens_on=today - datetime.timedelta(days=14),
            report_deadline=today + datetime.timedelta(days=30),
            is_demo=True,
            needs=DEMO + "Påhittade uppgifter för att prova uppföljningen lokalt.",
        )
        # One report partly filled in, so the dashboard and the page have something to show.
        report = follow_up.reports.order_by("actor__sort_order").first()
        first = report.activities.first()
        first.status = ActivityStatus.CARRIED_OUT
        first.done = DEMO + "Påhittat exempel på vad som gjordes."
        first.target_group = DEMO + "Påhittad målgrupp"
        first.save()  # the report's save and revision read its rows from the database
        report.needs = DEMO + "Påhittat behov."
        report.save()
        report.save_revision()
        self.stdout.write(self.style.SUCCESS(f"Demo round {year} opened: {follow_up.reports.count()} draft reports."))
