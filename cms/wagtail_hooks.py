from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import policy_registry

from pages.rich_text import ExternalLinkHandler

from . import dashboard, edit_conflicts, translation_actions, whole_deletes, workflow_messages, working_language
from .review_views import is_translation, review_url, termbase, translation_review
from .translation_review import may_record_reviews


@hooks.register("register_rich_text_features")
def mark_external_links(features):
    features.register_link_type(ExternalLinkHandler)


hooks.register("construct_homepage_panels", dashboard.arrange)

# A translator picks the language they work in; snippet listings open in it (snippets.wagtail_hooks).
hooks.register("register_account_settings_panel", working_language.WorkingLanguagePanel)
hooks.register("listing_default_locale", working_language.listing_language)


# First, so that the reason for the work shows whichever editor answers the request below.
hooks.register("before_edit_page", workflow_messages.show_requested_changes)
hooks.register("before_edit_snippet", workflow_messages.show_requested_changes)

# Wagtail runs before-hooks before it reads the action from the form, and after-hooks once saved.
hooks.register("before_edit_page", edit_conflicts.save_as_draft_on_conflict)
hooks.register("before_edit_snippet", edit_conflicts.save_as_draft_on_conflict)
hooks.register("after_edit_page", edit_conflicts.tell_about_conflict)
hooks.register("after_edit_snippet", edit_conflicts.tell_about_conflict)
# Before wagtail-localize's own hook (cms is installed first), which answers every request to a translation.
hooks.register("before_edit_page", translation_actions.handle)
hooks.register("before_edit_snippet", translation_actions.handle)


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


# Deleting Swedish source content takes its translations with it (cms/whole_deletes.py).
hooks.register("register_actions", whole_deletes.register_actions)
hooks.register("construct_translated_pages_to_cascade_actions", whole_deletes.cascade_translations)
hooks.register("before_delete_page", whole_deletes.before_delete_page)
hooks.register("after_delete_page", whole_deletes.after_delete_page)
hooks.register("before_delete_snippet", whole_deletes.before_delete_snippet)
hooks.register("after_delete_snippet", whole_deletes.after_delete_snippet)
hooks.register("before_bulk_action", whole_deletes.before_bulk_action)
hooks.register("after_bulk_action", whole_deletes.after_bulk_action)


@hooks.register("register_admin_urls")
def translation_review_urls():
    from django.urls import path

    return [
        path("translation-review/<int:content_type_id>/<int:pk>/", translation_review, name="translation_review"),
        path("termbase/", termbase, name="termbase"),
    ]


def review_button(obj, user, button_class, **kwargs):

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
