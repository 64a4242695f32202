from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .publishable import Ordered, PublishableSnippet, TranslatableRow


class IndicatorCategory(Ordered, PublishableSnippet):
    """A kind of exploitation whose signs professionals should recognise."""

    name = models.CharField(_("name"), max_length=200, help_text=_("E.g. “Människohandel”."))

    panels = [
        FieldPanel("name"),
        FieldPanel("sort_order"),
        InlinePanel("indicators", label=_("Indicators"), heading=_("Indicators"), min_num=1),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.RelatedFields("indicators", [index.SearchField("text")]),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("indicators"),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("indicator category")
        verbose_name_plural = _("indicators of vulnerability")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Indicator(TranslatableRow):
    """One sign that someone may be exploited, or may be exploiting."""

    category = ParentalKey(IndicatorCategory, on_delete=models.CASCADE, related_name="indicators")
    text = models.CharField(_("indicator"), max_length=500)

    panels = [FieldPanel("text")]

    translatable_fields = [TranslatableField("text")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.text
