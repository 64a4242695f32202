from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BodyBlock, body_blocks
from ..blocks.chosen import bind_all
from ..public import public
from .base import SitePage


class ChapterPage(SitePage):
    """A chapter or sub-section of a strategy; chapters nest."""

    body = StreamField(BodyBlock(body_blocks()), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    # Snippet choosers appear as ids here; /api/v3/strategies/{id}/ expands them in place.
    api_fields = [APIField("body"), *SitePage.api_fields]

    parent_page_types = ["pages.StrategyPage", "pages.ChapterPage"]
    subpage_types = ["pages.ChapterPage"]

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def get_strategy(self):
        # By name: the strategy module imports this one for its chapters.
        StrategyPage = apps.get_model("pages", "StrategyPage")
        return public(StrategyPage.objects.ancestor_of(self).live()).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        strategy = self.get_strategy()
        context["strategy"] = strategy
        chapters = strategy.live_chapters() if strategy else []
        context["table_of_contents"] = strategy.table_of_contents(chapters) if strategy else []
        # From the chapters the table of contents already holds: no query per chapter.
        context["previous_page"], context["next_page"] = (
            strategy.neighbours(self, chapters) if strategy else (None, None)
        )
        context["subchapters"] = public(self.get_children().live())
        bind_all(self.body)
        return context
