from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.rich_text_features import TEXT_FEATURES

from .publishable import Ordered, PublishableSnippet


class Concept(Ordered, PublishableSnippet):
    """A term of the glossary (Beskrivning av begrepp) and what it means."""

    term = models.CharField(_("term"), max_length=200)
    definition = RichTextField(_("definition"), features=TEXT_FEATURES)
    # A Swedish name a page mentions without it being an actor (Kommunfullmäktige, Länsstyrelsen)
    # is a concept too: the reader needs the same short explanation, from the same one place.
    explanation = models.CharField(
        _("explanation"),
        max_length=250,
        blank=True,
        help_text=_(
            "One short sentence for readers who do not know Sweden: what this Swedish name means. "
            "Shown in English, Finnish and Arabic after the first mention of the term on a page."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("explanation"), FieldPanel("sort_order")]

    search_fields = [
        index.SearchField("term", boost=2),
        index.AutocompleteField("term"),
        index.SearchField("definition"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("definition"),
        TranslatableField("explanation"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["sort_order", "term"]

    def __str__(self):
        return self.term
