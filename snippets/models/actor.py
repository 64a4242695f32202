from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.rich_text_features import TEXT_FEATURES

from .publishable import Ordered, ReviewedSnippet, TranslatableRow


class Actor(Ordered, ReviewedSnippet):
    """A member of the strategy's network: an authority, or a unit of the municipality."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("Short name, as in the table of activities, e.g. “Socialkontoret”."),
    )
    full_name = models.CharField(
        _("full name"),
        max_length=300,
        blank=True,
        help_text=_("Name as listed among the network's members, if it differs from the short name."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        help_text=_("The organisation this unit belongs to, e.g. Skellefteå kommun."),
    )
    explanation = models.CharField(
        _("explanation"),
        max_length=250,
        blank=True,
        help_text=_(
            "One short sentence for readers who do not know Sweden: what this organisation is. "
            "Shown in English, Finnish and Arabic after the first mention of its name on a page."
        ),
    )
    role = RichTextField(
        _("role in the network"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("What this actor does against prostitution and human trafficking."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("full_name"),
        FieldPanel("parent"),
        FieldPanel("explanation"),
        FieldPanel("sort_order"),
        FieldPanel("role"),
        InlinePanel("responsibilities", label=_("Responsibilities"), heading=_("Responsibilities")),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("full_name"),
        index.SearchField("full_name"),
        index.SearchField("role"),
        index.RelatedFields("responsibilities", [index.SearchField("text")]),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("full_name"),
        TranslatableField("explanation"),
        TranslatableField("role"),
        # Points at the parent's translation in the same locale.
        TranslatableField("parent"),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("responsibilities"),
    ]

    class Meta(ReviewedSnippet.Meta):
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["sort_order", "name"]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent.name}, {self.name}"
        return self.name

    @property
    def listed_name(self):
        return self.full_name or self.name

    def ongoing(self):
        return [r for r in self.responsibilities.all() if r.kind == Responsibility.Kind.ONGOING]

    def future(self):
        return [r for r in self.responsibilities.all() if r.kind == Responsibility.Kind.FUTURE]


class Responsibility(TranslatableRow):
    """One bullet of the actor's activities: something it does now, or plans to do."""

    class Kind(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing activity")
        FUTURE = "future", _("Future activity")

    actor = ParentalKey(Actor, on_delete=models.CASCADE, related_name="responsibilities")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ONGOING)
    text = models.TextField(_("activity"), max_length=1000)

    panels = [FieldPanel("kind"), FieldPanel("text")]

    translatable_fields = [TranslatableField("text"), SynchronizedField("kind", overridable=False)]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self):
        return self.text
