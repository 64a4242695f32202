from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.models.publishable import ReviewedSnippet, TranslatableRow


def published_in_source_language():
    """Goals and actors are chosen among the Swedish, published ones: a translation shows them in its language."""
    return {"locale__language_code": settings.LANGUAGE_CODE, "live": True}


class ActivityStatus(models.TextChoices):
    CARRIED_OUT = "carried_out", _("Carried out")
    ONGOING = "ongoing", _("Ongoing")
    PLANNED = "planned", _("Planned")
    DROPPED = "dropped", _("Dropped")
    NEW = "new", _("New")


class ActorReport(ReviewedSnippet):
    """What one actor of the network did during a follow-up round: its activities and the needs it sees.

    A network representative drafts and submits it; an approver reviews and publishes it.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Not submitted")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")

    round = models.ForeignKey(
        "followup.FollowUpRound", verbose_name=_("follow-up round"), on_delete=models.CASCADE, related_name="reports"
    )
    actor = models.ForeignKey(
        "snippets.Actor", verbose_name=_("actor"), on_delete=models.PROTECT, related_name="follow_up_reports"
    )
    needs = models.TextField(
        _("coming needs"), blank=True, help_text=_("What your organisation sees is needed in the coming year.")
    )

    panels = [
        MultiFieldPanel([FieldPanel("round", read_only=True), FieldPanel("actor", read_only=True)]),
        InlinePanel("activities", label=_("Activity"), heading=_("Activities")),
        FieldPanel("needs"),
    ]

    translatable_fields = [
        TranslatableField("round"),
        TranslatableField("actor"),
        TranslatableField("needs"),
        TranslatableField("activities"),
    ]

    class Meta(ReviewedSnippet.Meta):
        verbose_name = _("follow-up report")
        verbose_name_plural = _("follow-up reports")
        ordering = ["round", "actor__sort_order", "actor__name"]
        constraints = [models.UniqueConstraint(fields=["round", "actor"], name="one_report_per_actor_and_round")]

    def __str__(self):
        return f"{self.actor.name}: {self.round}"

    @property
    def state(self):
        """Where the report stands: the representative's submission is the workflow's, approval is publishing."""
        if self.live and not self.has_unpublished_changes:
            return self.State.APPROVED
        if self.workflow_in_progress:
            return self.State.SUBMITTED
        return self.State.DRAFT

    def get_preview_template(self, request, mode_name):
        return "followup/previews/report.html"


class ReportedActivity(TranslatableRow, ClusterableModel):
    """One activity of a report, usually one of the actor's responsibilities for the period."""

    report = ParentalKey(ActorReport, on_delete=models.CASCADE, related_name="activities")
    responsibility = models.ForeignKey(
        "snippets.Responsibility",
        verbose_name=_("responsibility"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.NEW)
    text = models.TextField(_("activity"), max_length=1000)
    done = models.TextField(_("what was done"), blank=True, max_length=2000)
    target_group = models.CharField(
        _("target group reached"), max_length=300, blank=True, help_text=_("E.g. “Personal inom hemtjänsten”.")
    )
    goals = ParentalManyToManyField(
        "snippets.Goal",
        verbose_name=_("goals served"),
        blank=True,
        related_name="+",
        limit_choices_to=published_in_source_language,
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("status"),
        FieldPanel("done"),
        FieldPanel("target_group"),
        FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
    ]

    translatable_fields = [
        TranslatableField("text"),
        TranslatableField("done"),
        TranslatableField("target_group"),
        SynchronizedField("status", overridable=False),
    ]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("reported activity")
        verbose_name_plural = _("reported activities")

    def __str__(self):
        return self.text
