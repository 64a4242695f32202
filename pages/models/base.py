from wagtail.api import APIField
from wagtail.models import Page

from .manager import LocalePageManager
from .translated import TranslationStatusMixin


class SitePage(TranslationStatusMixin, Page):
    """What every page type shares: the manager that brings the locale along, and the translation's
    status for API consumers (whether it lags behind the Swedish source, whether it was reviewed)."""

    objects = LocalePageManager()

    # Each page type lists its own fields before this one.
    api_fields = [APIField("translation")]

    class Meta:
        abstract = True
