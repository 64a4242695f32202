from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

from snippets.rich_text_features import INLINE_FEATURES

from ..public import public
from .base import SitePage


class HomePage(SitePage):
    """The site's root in each language; leads to the strategies."""

    intro = RichTextField(
        _("introduction"),
        features=INLINE_FEATURES,
        blank=True,
        help_text=_("One or two sentences at the top of the home page: what this website is and for whom."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = [APIField("intro"), *SitePage.api_fields]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.StrategyPage", "pages.SafetyAdvicePage", "pages.AccessibilityStatementPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Here, not at the top: page types register in import order (pages/models/__init__.py).
        from .strategy import StrategyPage

        context["strategies"] = public(StrategyPage.objects.child_of(self).live())
        return context
