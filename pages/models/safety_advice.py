from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from snippets.rich_text_features import PAGE_BODY_FEATURES

from .base import SitePage


class SafetyAdvicePage(SitePage):
    """“Så döljer du ditt besök”: how to leave fewer traces; every page's quick exit links here."""

    body = RichTextField(_("body"), features=PAGE_BODY_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    api_fields = [APIField("body"), *SitePage.api_fields]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    # The quick exit links to the one page of its language; a second would be ambiguous.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("safety advice page")
        verbose_name_plural = _("safety advice pages")
