from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NetworkRepresentative(models.Model):
    """The link between a user of the Nätverksrepresentanter group and the one actor they report for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="network_representative",
    )
    actor = models.ForeignKey(
        "snippets.Actor",
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        related_name="representatives",
        help_text=_("The Swedish actor this user reports for."),
    )

    class Meta:
        verbose_name = _("network representative")
        verbose_name_plural = _("network representatives")

    def __str__(self):
        return f"{self.user} ({self.actor})"
