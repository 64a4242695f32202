from functools import cache

from django.conf import settings
from django.db import models
from django.http import HttpResponsePermanentRedirect
from django.urls import register_converter
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.blocks import StreamValue
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from snippets.rich_text_features import TEXT_FEATURES

from ..blocks.chosen import bind_all
from ..public import public
from .base import SitePage
from .chapter import ChapterPage

# What a table of contents and the previous/next links read of each chapter.
TOC_FIELDS = ("title", "slug", "path", "depth", "url_path")


@cache
def whole_strategy_slugs():
    """{language code: the last part of the whole strategy's address in that language}, from the catalogues."""
    slugs = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            slugs[code] = pgettext(
                "address of the whole strategy on one page; lower case, words joined by -", "whole-strategy"
            )
    return slugs


class WholeStrategySlug:
    """Matches the whole strategy's slug in any language, and nothing else: a chapter's slug is left to
    Wagtail's own routing (a routable page tries its routes before its children)."""

    regex = "[^/]+"

    def to_python(self, value):
        if value not in whole_strategy_slugs().values():
            raise ValueError(value)
        return value

    def to_url(self, value):
        return value


register_converter(WholeStrategySlug, "whole_strategy_slug")


class StrategyPage(RoutablePageMixin, SitePage):
    """A decided strategy: its governance facts, its short texts, and its chapters as children."""

    document_date = models.DateField(_("document date"))
    decision_body = models.CharField(
        _("decided by"), max_length=200, help_text=_("The body that adopted the strategy, e.g. Kommunfullmäktige.")
    )
    decision_date = models.DateField(_("decision date"))
    decision_paragraph = models.CharField(
        _("paragraph"), max_length=50, blank=True, help_text=_("The paragraph of the minutes, e.g. “§ 24”.")
    )
    financed_by = models.CharField(_("financed by"), max_length=200, blank=True)
    follow_up_owner = models.CharField(
        _("responsible for follow-up"), max_length=200, help_text=_("Who follows up and revises the strategy.")
    )
    follow_up_cadence = models.CharField(_("follow-up"), max_length=200, help_text=_("How often, e.g. “Årligen”."))
    network_meeting_cadence = models.CharField(
        _("network meetings"), max_length=200, blank=True, help_text=_("How often the network meets.")
    )
    next_review_date = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_("When the strategy is next due for follow-up; editors are reminded after this date."),
    )
    website = models.URLField(_("municipality's website"), blank=True)
    # The strategy's governance facts, listed once: the API's `governance` and the package derive from it.
    governance_fields = [
        "document_date",
        "decision_body",
        "decision_date",
        "decision_paragraph",
        "financed_by",
        "follow_up_owner",
        "follow_up_cadence",
        "network_meeting_cadence",
        "next_review_date",
        "website",
    ]

    summary = models.CharField(
        _("summary"),
        max_length=250,
        blank=True,
        help_text=_("One line under the strategy's name on the home page: what it is about."),
    )
    intro = RichTextField(_("introduction"), features=TEXT_FEATURES)
    position = RichTextField(_("position"), features=TEXT_FEATURES, help_text=_("Ställningstagande."))
    purpose = RichTextField(_("purpose"), features=TEXT_FEATURES, help_text=_("Syfte."))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("position"),
        FieldPanel("purpose"),
    ]
    governance_panels = [
        MultiFieldPanel(
            [
                FieldPanel("document_date"),
                FieldRowPanel(
                    [FieldPanel("decision_body"), FieldPanel("decision_date"), FieldPanel("decision_paragraph")]
                ),
                FieldPanel("financed_by"),
                FieldPanel("website"),
            ],
            heading=_("Decision"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("follow_up_owner"),
                FieldRowPanel([FieldPanel("follow_up_cadence"), FieldPanel("next_review_date")]),
                FieldPanel("network_meeting_cadence"),
            ],
            heading=_("Follow-up"),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(governance_panels, heading=_("Governance")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("position"),
        index.SearchField("purpose"),
    ]

    api_fields = [APIField(name) for name in [*governance_fields, "intro", "position", "purpose"]] + SitePage.api_fields

    # The decision is a fact of the Swedish original: its body, paragraph, funder and owner
    # are names, kept as decided in every language, like the dates and the address. Cadences
    # are prose. None of these may be overridden in a translation.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in [
            "document_date",
            "decision_body",
            "decision_date",
            "decision_paragraph",
            "financed_by",
            "follow_up_owner",
            "next_review_date",
            "website",
        ]
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ChapterPage"]

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = self.live_chapters()
        context["table_of_contents"] = self.table_of_contents(chapters)
        # The strategy's own texts come first in reading order; its first chapter follows.
        context["next_page"] = chapters[0] if chapters else None
        return context

    def live_chapters(self, fields=TOC_FIELDS):
        """Every live, public chapter of this strategy (this language's tree) in reading order, in one query.

        Reading order is the tree's order, depth first: a chapter, then its sub-chapters, then the next.
        A chapter not translated into this language is simply not in its tree, so it is skipped.
        """
        chapters = public(ChapterPage.objects.descendant_of(self).live()).order_by("path")
        return list(chapters.only(*fields) if fields else chapters)

    def table_of_contents(self, chapters=None):
        """The chapter tree in reading order: [(chapter, [(sub-chapter, [...]), ...]), ...]."""
        chapters = self.live_chapters() if chapters is None else chapters
        children = {}
        for chapter in chapters:
            children.setdefault(chapter.path[: -Page.steplen], []).append(chapter)

        def tree(path):
            return [(chapter, tree(chapter.path)) for chapter in children.get(path, [])]

        return tree(self.path)

    def neighbours(self, chapter, chapters):
        """(previous, next) of a chapter in reading order, from the already fetched `chapters`:
        the strategy itself comes before its first chapter; None where there is none."""
        reading = [self, *chapters]
        index = next((i for i, page in enumerate(reading) if page.pk == chapter.pk), None)
        if index is None:  # a draft or private chapter, seen in preview: it has no place in the order
            return None, None
        return reading[index - 1] if index > 0 else None, reading[index + 1] if index + 1 < len(reading) else None

    def anchor(self, chapter):
        """A chapter's heading id on the whole-strategy page: its path below the strategy, so it is unique
        (paths are), the same on every visit and in every copy of the site, and readable in a shared link."""
        return "kapitel-" + chapter.url_path[len(self.url_path) :].strip("/")

    @path("<whole_strategy_slug:slug>/", name="whole")
    def whole_strategy(self, request, slug):
        """Every chapter in reading order on one page, for printing or saving as PDF, with its own
        table of contents that links to each chapter's heading on the page. Its address is in the
        page's language; the address in another language (links made before it was translated) redirects."""
        if slug != self.whole_strategy_slug:
            return HttpResponsePermanentRedirect(self.get_url(request) + self.whole_strategy_path)
        chapters = self.chapters_in_reading_order()
        for chapter, _shift, _blocks in chapters:
            chapter.anchor = self.anchor(chapter)
        return self.render(
            request,
            template="pages/strategy_whole.html",
            context_overrides={
                "chapters": chapters,
                "table_of_contents": self.table_of_contents([chapter for chapter, _shift, _blocks in chapters]),
                "canonical_url": self.get_full_url(request) + self.whole_strategy_path,
                "subpage_route": "whole",
            },
        )

    @property
    def whole_strategy_slug(self):
        return whole_strategy_slugs().get(self.locale.language_code, whole_strategy_slugs()[settings.LANGUAGE_CODE])

    @property
    def whole_strategy_path(self):
        """The whole strategy's address relative to the strategy page, in the page's language."""
        return self.reverse_subpage("whole", kwargs={"slug": self.whole_strategy_slug})

    def get_sitemap_urls(self, request=None):
        [page] = super().get_sitemap_urls(request)
        whole = {**page, "location": page["location"] + self.whole_strategy_path, "route": "whole"}
        return [page, whole]

    def chapters_in_reading_order(self):
        """[(chapter, heading shift, [blocks])] for every live chapter, with the snippets of all bodies
        fetched together: the query count does not grow with the number of chapters."""
        chapters = self.live_chapters(fields=None)
        raw = [[dict(item) for item in chapter.body.raw_data] for chapter in chapters]
        # One stream of every body, bound with each snippet model fetched once for all chapters.
        combined = bind_all(
            StreamValue(ChapterPage.body.field.stream_block, [item for body in raw for item in body], is_lazy=True)
        )
        result, start = [], 0
        for chapter, body in zip(chapters, raw, strict=True):
            # A top-level chapter is an h2 on this page, so its own h2 sections become h3.
            shift = chapter.depth - self.depth
            result.append((chapter, shift, [combined[index] for index in range(start, start + len(body))]))
            start += len(body)
        return result
