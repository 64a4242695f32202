from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from snippets.rich_text_features import TEXT_FEATURES

from .publishable import Ordered, PublishableSnippet, TranslatableRow


class Goal(Ordered, PublishableSnippet):
    """A long-term goal of the network's collaboration, followed up every year."""

    title = models.CharField(_("title"), max_length=200)
    text = RichTextField(_("text"), features=TEXT_FEATURES)

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("sort_order"),
        InlinePanel("audiences", label=_("Collaboration audiences"), heading=_("Collaboration audiences")),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.FilterField("locale"),
        index.FilterField("live"),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("text"),
        SynchronizedField("sort_order", overridable=False),
        TranslatableField("audiences"),
    ]

    class Meta(PublishableSnippet.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


class GoalAudience(TranslatableRow):
    """Whom the network collaborates with to reach the goal."""

    goal = ParentalKey(Goal, on_delete=models.CASCADE, related_name="audiences")
    name = models.CharField(_("audience"), max_length=200)

    panels = [FieldPanel("name")]

    translatable_fields = [TranslatableField("name")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("collaboration audience")
        verbose_name_plural = _("collaboration audiences")

    def __str__(self):
        return self.name
