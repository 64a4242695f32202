import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry

from . import edit_conflicts, translation_actions
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


# Wagtail runs before-hooks before it reads the action from the form, and after-hooks once saved.
hooks.register("before_edit_page", edit_conflicts.save_as_draft_on_conflict)
hooks.register("before_edit_snippet", edit_conflicts.save_as_draft_on_conflict)
hooks.register("after_edit_page", edit_conflicts.tell_about_conflict)
hooks.register("after_edit_snippet", edit_conflicts.tell_about_conflict)
# Before wagtail-localize's own hook (cms is installed first), which answers every request to a translation.
hooks.register("before_edit_page", translation_actions.handle)
hooks.register("before_edit_snippet", translation_actions.handle)


class ReviewRemindersPanel(Component):
    """Content due for its yearly check: strategies past their review date, contacts not verified for a year."""

    name = "review_reminders"
    template_name = "cms/review_reminders_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        from pages.models import StrategyPage
        from snippets.models import Contact

        today = timezone.localdate()
        finder = AdminURLFinder(parent_context["request"].user)
        strategies = StrategyPage.objects.filter(locale=Locale.get_default(), next_review_date__lt=today)
        contacts = Contact.objects.filter(locale=Locale.get_default()).filter(
            Q(verified_on__isnull=True) | Q(verified_on__lt=today - datetime.timedelta(days=365))
        )
        items = [
            {"object": obj, "edit_url": finder.get_edit_url(obj), "reason": reason}
            for queryset, reason in [
                (strategies, _("Follow-up date has passed")),
                (contacts.order_by("verified_on", "name"), _("Not verified in the last 12 months")),
            ]
            for obj in queryset
        ]
        return {"items": [item for item in items if item["edit_url"]]}


@hooks.register("construct_homepage_panels")
def add_review_reminders_panel(request, panels):
    panels.append(ReviewRemindersPanel())


@hooks.register("construct_page_action_menu")
def convert_to_alias_for_administrators_only(menu_items, request, context):
    # An alias shows the Swedish source, live, in the translation's language, without review.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("filter_form_submissions_for_user")
def feedback_for_those_who_publish(user, editable_forms):
    # Feedback reports may describe the reporter's situation; they are handled by those who
    # answer for what is published (approvers and administrators), not by everyone who edits.
    publishable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "publish")
    return editable_forms.filter(pk__in=publishable.values("pk"))
