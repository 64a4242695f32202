import datetime

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

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


def newer_revision_saved(request, obj):
    """True when the form was loaded from a revision that is no longer the latest one."""
    loaded = request.POST.get("loaded_revision_id")
    latest = getattr(obj, "latest_revision_id", None)
    return bool(loaded and latest and loaded != str(latest))


def refuse_stale_save(request, obj, edit_url):
    # Wagtail 8 refuses an out-of-date save only for autosave; a full form post would
    # silently overwrite the other editor's revision. Send the editor back to the newer one.
    if request.method == "POST" and newer_revision_saved(request, obj):
        messages.error(
            request,
            _(
                "Someone else saved a newer version while you were editing. Nothing was saved: review their changes and edit again."  # noqa: E501
            ),
        )
        return redirect(edit_url)
    return None


@hooks.register("before_edit_page")
def protect_page_from_lost_edits(request, page):
    return refuse_stale_save(request, page, request.path)


@hooks.register("before_edit_snippet")
def protect_snippet_from_lost_edits(request, instance):
    return refuse_stale_save(request, instance, request.path)


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


@hooks.register("register_admin_urls")
def translation_review_urls():
    from django.urls import path

    from .review_views import termbase, translation_review

    return [
        path("translation-review/<int:content_type_id>/<int:pk>/", translation_review, name="translation_review"),
        path("termbase/", termbase, name="termbase"),
    ]


def review_button(obj, user, button_class, **kwargs):
    from .review_views import is_translation, review_url
    from .translation_review import may_record_reviews

    if obj is None or not may_record_reviews(user) or not is_translation(obj):
        return []
    return [button_class(_("Translation review"), review_url(obj), icon_name="doc-full", priority=80, **kwargs)]


@hooks.register("register_page_header_buttons")
def page_review_button(page, user, next_url=None, view_name=None):
    from wagtail.admin.widgets import Button

    return review_button(page.specific, user, Button, attrs={"data-translation-review": ""})


@hooks.register("register_snippet_listing_buttons")
def snippet_review_button(snippet, user, next_url=None):
    from wagtail.admin.widgets import Button

    return review_button(snippet, user, Button)


@hooks.register("register_admin_menu_item")
def termbase_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy
    from wagtail.admin.menu import MenuItem

    # Translators are the readers of the termbase; it is not behind any permission beyond the admin itself.
    return MenuItem(gettext_lazy("Termbase"), reverse("termbase"), icon_name="list-ul", order=9000)
