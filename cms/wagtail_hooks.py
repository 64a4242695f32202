from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component

from .rich_text import ExternalLinkHandler
from .translation_status import outdated_translations


@hooks.register("register_rich_text_features")
def mark_external_links(features):
    features.register_link_type(ExternalLinkHandler)


class OutdatedTranslationsPanel(Component):
    """Translators see on the dashboard which translations lag behind their Swedish source."""

    name = "outdated_translations"
    template_name = "cms/outdated_translations_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        from pages.models import ChapterPage, HomePage, StrategyPage
        from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

        finder = AdminURLFinder(parent_context["request"].user)
        items = []
        for obj in outdated_translations(
            [HomePage, StrategyPage, ChapterPage, Actor, Concept, Contact, Goal, IndicatorCategory, Resource]
        ):
            edit_url = finder.get_edit_url(obj)
            if edit_url:
                items.append({"object": obj, "edit_url": edit_url})
        return {"items": items}


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    panels.append(OutdatedTranslationsPanel())
