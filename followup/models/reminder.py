from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """A reminder e-mail that went out, so that send_follow_up_reminders never sends it again.

    `key` names what the reminder is about: a report (`report:<pk>`) for a representative, the last
    meeting of a strategy's network (`meeting:<strategy pk>:<date or none>`) for a coordinator.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Report due soon")
        LATE = "late", _("Report late")
        MEETING_DUE = "meeting_due", _("Network meeting due")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(_("about"), max_length=100)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [models.UniqueConstraint(fields=["kind", "user", "key"], name="one_reminder_of_a_kind")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user} ({self.key})"
