from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class RejectionForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What needs to change"),
        required=True,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor sees this comment; say what to change and why."),
    )


class ReviewTask(AbstractGroupApprovalTask):
    """Approval by a group, where asking for changes must say what to change."""

    def get_form_for_action(self, action):
        if action == "reject":
            return RejectionForm
        return super().get_form_for_action(action)

    class Meta:
        verbose_name = _("review by a group")
        verbose_name_plural = _("reviews by a group")


class TranslationReview(models.Model):
    """A qualified translator's review of one translated page or snippet.

    Keyed like wagtail-localize keys a translation (translation key and locale), so one table
    serves every page type and snippet. Without a row the translation is unreviewed: shipped
    translations are machine-assisted and must say so to readers until someone checks them.
    """

    translation_key = models.UUIDField()
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    reviewer = models.CharField(
        _("reviewed by"),
        max_length=255,
        help_text=_("The qualified translator who checked the translation against the Swedish text."),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("translation review")
        verbose_name_plural = _("translation reviews")
        constraints = [models.UniqueConstraint(fields=["translation_key", "locale"], name="one_review_per_translation")]
        permissions = [("mark_translation_reviewed", "Can mark a translation as reviewed")]

    def __str__(self):
        return f"{self.translation_key} ({self.locale_id}): {self.reviewer}, {self.reviewed_at:%Y-%m-%d}"


class WorkingLanguage(models.Model):
    """The language a translator translates into, chosen in their account settings.

    Wagtail has no per-user content language, and the translators' group may edit every translated
    tree; so each translator names the one language they work in, and the admin's listings open in it.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_language")
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translation language"),
        help_text=_("Lists of strategy content open in this language. Leave empty to see every language."),
    )

    class Meta:
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")

    def __str__(self):
        return f"{self.user}: {self.locale}"


class ContentChange(models.Model):
    """One entry of the public change feed (GET /api/v3/changes/): what a consumer keeping a copy
    must fetch again or drop. The id is the feed's cursor. Only changes the public could see are
    recorded; an entry names an object, never its content."""

    # API values, never shown in the admin: no labels to translate.
    class Action(models.TextChoices):
        CREATED = "created"
        UPDATED = "updated"
        UNPUBLISHED = "unpublished"
        DELETED = "deleted"
        RESTRICTED = "restricted"

    TOMBSTONES = (Action.UNPUBLISHED, Action.DELETED, Action.RESTRICTED)

    kind = models.CharField(max_length=30)
    object_id = models.PositiveIntegerField()
    locale = models.CharField(max_length=20)
    action = models.CharField(max_length=20, choices=Action.choices)
    occurred_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.action}"


# A site setting lives in its own module; imported here so that Django registers it with this app.
from .contact_details import MunicipalityContactDetails  # noqa: E402, F401
