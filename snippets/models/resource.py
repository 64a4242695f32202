from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .publishable import Ordered, PublishableSnippet


class Resource(Ordered, PublishableSnippet):
    """Further reading: a course, film, manual or report published elsewhere."""

    class Kind(models.TextChoices):
        WEB_COURSE = "web_course", _("Web course")
        FILM = "film", _("Film")
        MANUAL = "manual", _("Manual or guidance")
        THEME_PAGE = "theme_page", _("Theme pages")
        REPORT = "report", _("Report or publication")
        WEBSITE = "website", _("Website")
        CAMPAIGN = "campaign", _("Campaign")

    title = models.CharField(_("title"), max_length=300, help_text=_("The link text readers see."))
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    url = models.URLField(_("web address"), max_length=500)

    panels = [
        FieldPanel("title"),
        FieldPanel("publisher"),
        FieldPanel("kind"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.AutocompleteField("publisher"),
        index.SearchField("publisher"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("publisher"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("url", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title
