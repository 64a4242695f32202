"""What a translator does in wagtail-localize's translation editor beyond translating strings.

wagtail-localize's editor offers "publish" to those who may publish, and its sync ("Update
existing translations") is a separate view that needs rights on the Swedish source and syncs
every language at once. A translator needs two steps of their own, without either right:

- **Sync**: bring the translation's source up to date with the *live* Swedish version, so the
  new and changed segments appear in the editor. Only a live source is read; the source row of
  an unpublished page or snippet holds its draft, which only its own editors may read.
- **Submit**: build the translated object from the translated segments as a new *revision*
  (not written to the object itself, which for a live page or snippet is what readers see) and
  submit it to the review workflow. An approver then publishes it like any other change.

Both arrive as posts to the translated object's own edit view (the editor's page), so Wagtail's
edit permission checks and the project's admin guards have run before they are handled here.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import Translation, TranslationLog

from pages.translation_status import outdated_keys

ACTION = "translation-action"


def editor_translation(obj):
    """The enabled wagtail-localize translation whose target is this object, if it has one."""
    return (
        Translation.objects.filter(source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True)
        .select_related("source", "target_locale")
        .first()
    )


def source_is_live(instance):
    return not isinstance(instance, DraftStateMixin) or instance.live


def can_edit(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return obj.snippet_viewset.permission_policy.user_has_permission_for_instance(user, "change", obj)


def workflow_of(obj):
    return obj.get_workflow() if hasattr(obj, "get_workflow") else None


def status(obj, user):
    """What the editor's translation panel shows: whether to sync, whether to submit, what is in review."""
    translation = editor_translation(obj)
    if translation is None:
        return None
    state = obj.current_workflow_state if workflow_of(obj) else None
    source = translation.source.get_source_instance()
    published = getattr(source, "last_published_at", None)
    return {
        # The editor only needs a sync while the live source is newer than what it shows; until the
        # result is published the translation stays outdated for readers (pages.translation_status).
        "needs_sync": published is not None and published > translation.source.last_updated_at,
        "outdated": obj.translation_key in outdated_keys(type(obj), [obj.translation_key], obj.locale.language_code),
        "source_locale": translation.source.locale.get_display_name(),
        "reviewed": workflow_of(obj) is not None,
        "in_review": state is not None and state.status == state.STATUS_IN_PROGRESS,
        "needs_changes": state is not None and state.status == state.STATUS_NEEDS_CHANGES,
    }


def sync(request, translation):
    source = translation.source
    instance = source.get_source_instance()
    if not source_is_live(instance) and not can_edit(request.user, instance):
        messages.error(
            request, _("The Swedish version has not been published yet. Update the translation once it has been.")
        )
        return
    source.update_from_db()
    messages.success(
        request,
        _(
            "The translation now follows the latest published Swedish version. New and changed passages are "
            "shown untranslated: translate them, then submit the translation for review."
        ),
    )


def submit(request, translation, obj):
    workflow = workflow_of(obj)
    if workflow is None:
        raise PermissionDenied
    if isinstance(obj, Page) and not obj.permissions_for_user(request.user).can_submit_for_moderation():
        raise PermissionDenied
    translated = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    # A revision only: the object's own row is what readers see until an approver publishes.
    revision = translated.save_revision(user=request.user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    state = translated.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        if state is not None:
            state.cancel(user=request.user)
        workflow.start(translated, request.user)
    messages.success(
        request,
        _("'%(title)s' in %(language)s was submitted for review. An approver publishes it.")
        % {"title": str(translated), "language": translation.target_locale.get_display_name()},
    )


def handle(request, obj):
    """before_edit hook for pages and snippets: the translator's sync and submit buttons."""
    action = request.POST.get(ACTION) if request.method == "POST" else None
    if action not in ("sync", "submit"):
        return None
    translation = editor_translation(obj)
    if translation is None:
        return None
    if action == "sync":
        sync(request, translation)
    else:
        submit(request, translation, obj)
    return redirect(request.get_full_path())
