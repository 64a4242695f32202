"""Deleting Swedish source content deletes its translations with it, or nothing at all.

A translation is the Swedish source in another language: without the source it can no longer be
updated, and a contact deleted in Swedish (a closed helpline, a wrong number) must not stay
reachable in Finnish or Arabic, on the site or in the API. So deleting a Swedish page or snippet
deletes its translations in the same request. If the user may not delete one of them (a live
translation for someone who may not publish, a translation with pages below it), nothing is
deleted and the admin says why. Deleting a translation alone leaves the source as it is.

Covered: the page and snippet delete views and both bulk deletes, through Wagtail's hooks, and
every caller of the registered delete actions (the admin's snippet delete view, the write API).
"""

from django.contrib.admin.utils import quote
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.actions import DeleteAction, DeletePageAction
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry


def is_source(obj):
    return isinstance(obj, TranslatableMixin) and obj.locale_id == Locale.get_default().pk


def translations_of(obj):
    """The object's translations (drafts and aliases included), if it is Swedish source content."""
    if not is_source(obj):
        return []
    translations = obj.get_translations().select_related("locale").order_by("locale__language_code")
    return list(translations.specific() if isinstance(obj, Page) else translations)


def may_delete(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_delete()
    return policy_registry.get(obj).user_has_permission_for_instance(user, "delete", obj)


def refusal(request, objects):
    """A redirect with the reason when a translation of the objects may not go with them, else None."""
    blocked = [t for obj in objects for t in translations_of(obj) if not may_delete(request.user, t)]
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "Nothing was deleted: you may not delete its translations (%(translations)s), "
            "and a translation may not stay without its Swedish source."
        )
        % {"translations": ", ".join(f"{t} ({t.locale.get_display_name()})" for t in blocked)},
    )
    return redirect(get_valid_next_url_from_request(request) or edit_url(objects[0]))


def edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[quote(obj.pk)])


def delete_remaining_translations(user, objects):
    """After the source is gone: delete each translation still in the database, logged as the user's."""
    for obj in objects:
        if not is_source(obj):
            continue
        model = Page if isinstance(obj, Page) else type(obj)
        remaining = model.objects.filter(translation_key=obj.translation_key).exclude(locale_id=obj.locale_id)
        for translation in remaining:
            if isinstance(obj, Page):
                # A translation may already have gone with another one deleted above it.
                if Page.objects.filter(pk=translation.pk).exists():
                    DeletePageAction(translation.specific, user=user).execute(skip_permission_checks=True)
            else:
                DeleteAction(translation, user=user).execute(skip_permission_checks=True)


def check_translations(action, skip_permission_checks):
    if (
        action.user
        and not skip_permission_checks
        and not all(may_delete(action.user, t) for t in translations_of(action.instance))
    ):
        raise action.permission_error_class("You may not delete the translations of this object.")


class DeleteWithTranslationsAction(DeleteAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        check_translations(self, skip_permission_checks)

    def execute(self, skip_permission_checks=False):
        self.check(skip_permission_checks=skip_permission_checks)
        with transaction.atomic():
            result = self._delete()
            delete_remaining_translations(self.user, [self.instance])
        return result


class DeletePageWithTranslationsAction(DeletePageAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        check_translations(self, skip_permission_checks)

    def execute(self, *args, skip_permission_checks=False, **kwargs):
        self.check(skip_permission_checks=skip_permission_checks)
        with transaction.atomic():
            result = self._delete_page(self.page, *args, **kwargs)
            delete_remaining_translations(self.user, [self.page])
        return result


def register_actions(registry):
    registry.register(TranslatableMixin, DeleteWithTranslationsAction)
    registry.register(Page, DeletePageWithTranslationsAction)


# Wagtail's own mechanism (used by simple_translation's synchronised trees): its confirmation then says
# how many translations go, and it deletes those that sit under a translation of the source's parent.
def cascade_translations(pages, action):
    if action != "delete":
        return None
    return {page: translations_of(page) for page in pages if is_source(page)}


def before_delete_page(request, page):
    return refusal(request, [page])


def after_delete_page(request, page):
    # Translations moved elsewhere in their tree are not under a translation of the parent, which is all
    # Wagtail's view deletes.
    delete_remaining_translations(request.user, [page])


def before_delete_snippet(request, instances):
    return refusal(request, list(instances))


def after_delete_snippet(request, instances):
    delete_remaining_translations(request.user, list(instances))


def before_bulk_action(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return refusal(request, list(objects))
    return None


def after_bulk_action(request, action_type, objects, action_class_instance):
    # Snippets' bulk delete runs after_delete_snippet itself.
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        delete_remaining_translations(request.user, list(objects))
