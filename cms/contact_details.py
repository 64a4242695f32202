"""The municipality's own contact details, shown in every public page's footer.

A Wagtail site setting: one set per site, edited by communicators and approvers under
Inställningar, and filled with the shipped values by `load_strategy`. Not translated: a postal
address, a switchboard number and an e-mail address are written the same in every language
(the words around them, "Växel", "E-post", are interface strings); on Arabic pages they are
isolated left to right (pages/bidi.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from snippets.phone import dialable, validate_phone


@register_setting(icon="mail")
class MunicipalityContactDetails(BaseSiteSetting):
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("E.g. “Skellefteå kommun”."))
    postal_address = models.TextField(
        _("postal address"),
        max_length=300,
        blank=True,
        help_text=_("As it is written on a letter, one line per line, e.g. “931 85 Skellefteå”."),
    )
    phone = models.CharField(
        _("switchboard"),
        max_length=40,
        blank=True,
        validators=[validate_phone],
        help_text=_("As it is dialled in Sweden, e.g. 0910-73 50 00."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("postal_address"), FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        verbose_name = _("municipality's contact details")
        verbose_name_plural = _("municipality's contact details")

    def __str__(self):
        return self.name

    @property
    def tel_href(self):
        # Validated on save, so this cannot fail for a stored number.
        return f"tel:{dialable(self.phone)}" if self.phone else ""

    @property
    def address_lines(self):
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]

    @property
    def is_empty(self):
        return not (self.name or self.postal_address or self.phone or self.email)
