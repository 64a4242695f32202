from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..phone import dialable, validate_phone
from .publishable import ReviewedSnippet


class Contact(ReviewedSnippet):
    """Somewhere to turn for help or advice. A wrong number here can cost someone help."""

    class Category(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency")
        POLICE = "police", _("Police")
        SOCIAL_SERVICES = "social_services", _("Social services")
        SUPPORT_LINE = "support_line", _("Support line")
        CLINIC = "clinic", _("Clinic")
        COORDINATOR = "coordinator", _("Regional coordinator")
        NETWORK = "network", _("Network member")
        E_SERVICE = "e_service", _("E-service")

    name = models.CharField(_("name"), max_length=200, help_text=_("Who answers, e.g. “Mikamottagningen”."))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    audience = models.CharField(
        _("for whom"), max_length=200, blank=True, help_text=_("Who the contact is for, e.g. “Prostituerade”.")
    )
    description = models.TextField(
        _("description"),
        max_length=1000,
        blank=True,
        help_text=_("When and why to get in touch. The phone number is shown after this text."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        validators=[validate_phone],
        help_text=_("As it is dialled in Sweden, e.g. 0910-73 50 00, 020-61 60 60 or 114 14."),
    )
    phone_dialable = models.CharField(
        _("number to dial"),
        max_length=20,
        blank=True,
        editable=False,
        help_text=_("E.164 form used for tel: links; short codes such as 112 stay as dialled."),
    )
    extension = models.CharField(
        _("extension or key choice"), max_length=100, blank=True, help_text=_("E.g. “knappval 1”.")
    )
    url = models.URLField(_("web address"), max_length=500, blank=True)
    url_text = models.CharField(
        _("link text"), max_length=300, blank=True, help_text=_("Shown instead of the address, if given.")
    )
    availability = models.CharField(
        _("availability"),
        max_length=200,
        blank=True,
        help_text=_("Opening hours or when to call, e.g. “Efter kontorstid”."),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    actor = models.ForeignKey(
        "snippets.Actor",
        verbose_name=_("network member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    in_emergency_banner = models.BooleanField(
        _("show in the emergency banner"),
        default=False,
        help_text=_("Shown at the top of every public page, for someone who needs help now. Keep it to a few numbers."),
    )
    banner_label = models.CharField(
        _("words in the emergency banner"),
        max_length=100,
        blank=True,
        help_text=_(
            "What the emergency banner says before the number: who answers and when, e.g. "
            "“Vid akut fara: ring” or “Polisen, när det inte är akut:”. "
            "Empty: the name and availability."
        ),
    )
    verified_on = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that the number and address still work."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("audience")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("extension")]),
                FieldRowPanel([FieldPanel("url"), FieldPanel("url_text")]),
                FieldPanel("availability"),
            ],
            heading=_("How to reach"),
        ),
        FieldRowPanel([FieldPanel("category"), FieldPanel("actor")]),
        MultiFieldPanel([FieldPanel("in_emergency_banner"), FieldPanel("banner_label")], heading=_("Emergency banner")),
        FieldPanel("verified_on"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("organisation"),
        index.SearchField("organisation"),
        index.SearchField("audience"),
        index.SearchField("description"),
        index.SearchField("phone"),
        index.SearchField("help_words"),
        index.FilterField("category"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    # A translator translates words, never a number someone will dial: synchronised values are
    # not overridable either, so the translation editor offers no way to change them per language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("organisation"),
        TranslatableField("audience"),
        TranslatableField("description"),
        TranslatableField("extension"),
        TranslatableField("url_text"),
        TranslatableField("availability"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("url", overridable=False),
        SynchronizedField("category", overridable=False),
        TranslatableField("actor"),
        SynchronizedField("in_emergency_banner", overridable=False),
        TranslatableField("banner_label"),
        SynchronizedField("verified_on", overridable=False),
    ]

    class Meta(ReviewedSnippet.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.phone})" if self.phone else self.name

    def help_words(self):
        """Words a reader looking for someone to turn to searches for ("hjälp", "stöd"), in the contact's
        language: the contacts themselves rarely say them, yet every contact is exactly that."""
        with translation.override(self.locale.language_code if self.locale_id else None):
            return pgettext("words a reader searches for to find any contact", "help support")

    def save(self, *args, **kwargs):
        # Derived on every save, so no code path can store a number its tel: link does not dial.
        try:
            self.phone_dialable = dialable(self.phone) if self.phone else ""
        except ValidationError as error:
            # Keyed by field, as full_clean() would: wagtail-localize's publish path reads
            # error_dict to show the message on the field, and fails on a bare error.
            raise ValidationError({"phone": error.error_list}) from None
        super().save(*args, **kwargs)

    @property
    def tel_href(self):
        return f"tel:{self.phone_dialable}" if self.phone_dialable else ""
