"""Admin access rules that Wagtail's and wagtail-localize's own checks do not express.

1. Translators (the Översättare role alone) never open Swedish source snippets: not the
   editor, nor history, revisions, compare, preview, usage or any other per-object view.
   Wagtail checks snippet permissions per model, so the locale needs a check of its own;
   Swedish pages are already out of their reach, since their page permissions cover only
   the translated trees.
2. wagtail-localize 1.14's submit-translation and update-translations views check only
   the global `submit_translation` permission. A holder could create a translation of a
   page they cannot edit (and read its draft in the copy) and publish translations
   through the update view. Here they also need to be able to edit the source page (or, for a
   snippet, to change its model), and, for the update view, to publish. Approvers hold it
   (cms/migrations/0012): they decide what is translated.
3. Synchronised values that may not differ by language (cms/translation_locks.py) cannot be
   overridden through wagtail-localize's override endpoint, whatever the request.
4. Converting a translated page back into an alias of its Swedish source publishes the Swedish
   content in that language at once, without review: administrators only. So is stopping a
   synced translation: it turns the translation into an ordinary page or snippet whose editor
   offers every synchronised value (phone numbers, addresses) for editing by language.
5. Feedback reports (form submissions) are read by those who may see them in the Forms menu
   (cms.wagtail_hooks); the Forms listing is refused to everyone else, not only left empty.
6. Network representatives (followup.permissions) reach their dashboard, their account and their
   own actor's follow-up report, and nothing else: every per-object view of a report (edit,
   history, revisions, compare, preview, workflow actions, usage…) checks that the report is their
   actor's, and anything that changes it that its round is still open. Choosers, the page explorer
   and every other admin area are refused outright: an allow-list, so a new admin view is closed
   to them until someone decides otherwise.
"""

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import Resolver404, resolve
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import Locale, Page
from wagtail_localize.models import OverridableSegment, TranslationSource

from followup.models import ActorReport
from followup.permissions import can_change_report, can_view_report, is_representative

from .roles import is_only_translator
from .translation_locks import is_locked

REPORTS_NAMESPACE = "wagtailsnippets_followup_actorreport"
# What a network representative may open besides their report: (namespace, url name).
REPRESENTATIVE_VIEWS = {
    ("", "wagtailadmin_home"),
    ("", "wagtailadmin_login"),
    ("", "wagtailadmin_logout"),
    ("", "wagtailadmin_sprite"),
    ("", "wagtailadmin_javascript_catalog"),
    ("", "wagtailadmin_account"),
    ("", "wagtailadmin_dismissibles"),
    ("wagtailsnippets", "index"),
}


def check_report(request, pk, changes):
    """A network representative's own actor's report; to change it, its round must be open."""
    try:
        report = ActorReport.objects.filter(pk=unquote(str(pk))).select_related("round").first()
    except (ValueError, ValidationError):
        raise PermissionDenied from None
    if report is None or not can_view_report(request.user, report):
        raise PermissionDenied
    if changes and not can_change_report(request.user, report):
        raise PermissionDenied


class AdminGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/") and request.user.is_authenticated:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is not None:
                self.check(request, match)
        return self.get_response(request)

    def check(self, request, match):
        if is_representative(request.user):
            self.check_representative(request, match)
            return
        if match.namespace == "wagtailforms" and not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        if match.namespace.startswith("wagtailsnippets_") and is_only_translator(request.user):
            self.check_snippet(request, match)
        elif match.namespace == "wagtail_localize" and match.url_name == "submit_page_translation":
            page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
            if page is None or not page.permissions_for_user(request.user).can_edit():
                raise PermissionDenied
        elif match.namespace == "wagtail_localize" and match.url_name == "submit_snippet_translation":
            try:
                viewset = apps.get_model(match.kwargs["app_label"], match.kwargs["model_name"]).snippet_viewset
            except (LookupError, AttributeError):
                raise PermissionDenied from None
            if not viewset.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
        elif match.namespace == "wagtail_localize" and match.url_name == "update_translations":
            source = TranslationSource.objects.filter(pk=match.kwargs["translation_source_id"]).first()
            instance = source.get_source_instance() if source else None
            if isinstance(instance, Page):
                permissions = instance.permissions_for_user(request.user)
                if not (permissions.can_edit() and permissions.can_publish()):
                    raise PermissionDenied
            elif instance is None:
                raise PermissionDenied
        elif match.namespace == "wagtail_localize" and match.url_name == "edit_override":
            segment = (
                OverridableSegment.objects.filter(pk=match.kwargs["overridable_segment_id"])
                .select_related("context", "source__specific_content_type")
                .first()
            )
            if segment is not None and is_locked(segment):
                raise PermissionDenied
        elif (
            match.namespace == "wagtail_localize"
            and match.url_name in ("convert_to_alias", "stop_translation")
            and not request.user.is_superuser
        ):
            raise PermissionDenied

    @staticmethod
    def check_representative(request, match):
        kwargs = match.kwargs
        if match.namespace == "wagtailadmin_editing_sessions":
            # The editor pings while a report is open, naming it; a release names only its own session.
            if match.url_name == "release":
                return
            if (kwargs["app_label"], kwargs["model_name"]) != ("followup", "actorreport"):
                raise PermissionDenied
            check_report(request, kwargs["object_id"], changes=False)
        elif match.namespace == REPORTS_NAMESPACE:
            pk = kwargs.get("pk") or next(iter(match.args), None)
            if pk is not None:
                check_report(request, pk, changes=request.method not in ("GET", "HEAD"))
            # The listing is narrowed to their report (followup.wagtail_hooks); nothing is created.
            elif match.url_name not in {"list", "list_results"}:
                raise PermissionDenied
        elif (match.namespace, match.url_name) not in REPRESENTATIVE_VIEWS:
            raise PermissionDenied

    @staticmethod
    def check_snippet(request, match):
        _prefix, app_label, model_name = match.namespace.split("_", 2)
        pk = match.kwargs.get("pk") or next(iter(match.args), None)
        if pk is None:
            # Listing and creation: creating goes through "translate", which picks the locale.
            if match.url_name == "add" and request.GET.get("locale", Locale.get_default().language_code) == (
                Locale.get_default().language_code
            ):
                raise PermissionDenied
            return
        model = apps.get_model(app_label, model_name)
        obj = model.objects.filter(pk=pk).only("locale_id").first()
        if obj is not None and obj.locale_id == Locale.get_default().pk:
            raise PermissionDenied
