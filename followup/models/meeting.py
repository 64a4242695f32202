from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.models.publishable import ReviewedSnippet

from .report import published_in_source_language


class NetworkMeeting(ReviewedSnippet):
    """A meeting of the local network (twice a year), with who took part and short minutes."""

    round = models.ForeignKey(
        "followup.FollowUpRound", verbose_name=_("follow-up round"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("date"))
    participants = ParentalManyToManyField(
        "snippets.Actor",
        verbose_name=_("participating actors"),
        blank=True,
        related_name="+",
        limit_choices_to=published_in_source_language,
    )
    minutes = models.TextField(_("minutes"), blank=True)

    panels = [
        FieldPanel("round"),
        FieldPanel("date"),
        FieldPanel("participants", widget=forms.CheckboxSelectMultiple),
        FieldPanel("minutes"),
    ]

    translatable_fields = [
        TranslatableField("round"),
        TranslatableField("minutes"),
        SynchronizedField("date", overridable=False),
    ]

    class Meta(ReviewedSnippet.Meta):
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["-date"]

    def __str__(self):
        return _("Network meeting %(date)s") % {"date": self.date.isoformat()}

    def get_preview_template(self, request, mode_name):
        return "followup/previews/meeting.html"
