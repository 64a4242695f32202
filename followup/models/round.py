import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.models.publishable import ReviewedSnippet


class FollowUpRound(ReviewedSnippet):
    """One year's follow-up of a strategy: the network reports, Socialkontoret compiles, the public sees it."""

    class Phase(models.TextChoices):
        PLANNED = "planned", _("Not yet open")
        OPEN = "open", _("Open for reports")
        COMPILED = "compiled", _("Compiled")

    # A key to Wagtail's Page, limited to strategies: wagtail-localize translates a page reference as the
    # base Page of the translated strategy, which a key to StrategyPage refuses (translating a round failed).
    strategy = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("strategy"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"content_type__app_label": "pages", "content_type__model": "strategypage"},
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("The year the follow-up covers."))
    is_baseline = models.BooleanField(
        _("baseline"),
        default=False,
        editable=False,
        help_text=_("The starting point: the activities the strategy itself lists (Bilaga 1)."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        editable=False,
        help_text=_("Made up for trying the feature locally (manage.py create_follow_up_demo); never real."),
    )
    opens_on = models.DateField(_("opens for reports"))
    report_deadline = models.DateField(_("reporting deadline"))
    compiled_on = models.DateField(
        _("compiled on"),
        null=True,
        blank=True,
        help_text=_("Set when Socialkontoret has compiled the round; reports can no longer be changed."),
    )
    needs = models.TextField(
        _("coming needs"), blank=True, help_text=_("The needs the network raised, as compiled for the coming year.")
    )

    panels = [
        PageChooserPanel("strategy", page_type="pages.StrategyPage"),
        FieldPanel("year"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_on"), FieldPanel("report_deadline"), FieldPanel("compiled_on")])],
            heading=_("Dates"),
        ),
        FieldPanel("needs"),
    ]

    translatable_fields = [
        TranslatableField("strategy"),
        TranslatableField("needs"),
        SynchronizedField("year", overridable=False),
        SynchronizedField("opens_on", overridable=False),
        SynchronizedField("report_deadline", overridable=False),
        SynchronizedField("compiled_on", overridable=False),
    ]

    class Meta(ReviewedSnippet.Meta):
        verbose_name = _("follow-up round")
        verbose_name_plural = _("follow-up rounds")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["strategy", "year"], name="one_round_per_strategy_and_year")]

    def __str__(self):
        return _("Follow-up %(year)s") % {"year": self.year}

    def phase(self, today=None):
        today = today or datetime.date.today()
        if self.compiled_on is not None:
            return self.Phase.COMPILED
        if today < self.opens_on:
            return self.Phase.PLANNED
        return self.Phase.OPEN

    def is_open(self, today=None):
        return self.phase(today) == self.Phase.OPEN

    def is_late(self, today=None):
        """Reporting is still possible after the deadline, until compiled; it is then late."""
        return self.is_open(today) and (today or datetime.date.today()) > self.report_deadline

    def get_preview_template(self, request, mode_name):
        return "followup/previews/round.html"
