"""A full save of the page or snippet editor that would silently replace another person's newer version.

Wagtail 8 checks conflicts itself for autosave (its JSON requests) and warns in the editor when
its editing-session ping has seen someone else's save. A full form post is not checked: "Spara
utkast", "Lämna in" or "Publicera" pressed before the next ping would put the editor's older
base live or in review over a colleague's newer version. The rule here:

- The editor's own revisions never conflict: autosave makes them while the form stays on the
  revision it was loaded from, so "newer than the loaded revision" alone is not a conflict.
- A revision made by anyone else (or by the system, e.g. the content loader) after the loaded
  one, or the loaded revision overwritten since by another person's autosave, is a conflict.

On a conflict nothing is published or submitted, but nothing typed is lost either: the form is
saved as a plain draft (a new revision, so the other person's version stays in the history), and
the editor is told who saved what and when, with a link comparing the two versions.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.models import Page

CONFLICT_ATTRIBUTE = "_edit_conflict_revision"


def expects_json(request):
    # Wagtail's autosave asks for JSON; its own is_out_of_date check covers those requests.
    return request.headers.get("Accept", "").startswith("application/json")


def conflicting_revision(request, obj):
    """The newest revision someone else saved after the one this form was loaded from, if any."""
    loaded_id = request.POST.get("loaded_revision_id", "")
    if not loaded_id.isdigit():
        return None
    loaded_at = request.POST.get("loaded_revision_created_at", "")
    revisions = obj.revisions.exclude(user=request.user)
    candidates = revisions.filter(Q(pk__gt=int(loaded_id)) | Q(pk=int(loaded_id))).order_by("-pk")
    for revision in candidates:
        if revision.pk > int(loaded_id) or (loaded_at and revision.created_at.isoformat() != loaded_at):
            return revision
    return None


def save_as_draft_on_conflict(request, obj):
    """before_edit hook: turn a conflicting publish or submit into a plain save of the typed form."""
    if request.method != "POST" or expects_json(request):
        return None
    revision = conflicting_revision(request, obj)
    if revision is None:
        return None
    post = request.POST.copy()
    for key in [key for key in post if key.startswith("action-") or key.startswith("workflow-action-")]:
        del post[key]
    request.POST = post
    setattr(request, CONFLICT_ATTRIBUTE, revision)
    return None


def compare_url(obj, earlier, later):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:revisions_compare", args=[obj.pk, earlier, later])
    return reverse(obj.snippet_viewset.get_url_name("revisions_compare"), args=[quote(obj.pk), earlier, later])


def tell_about_conflict(request, obj):
    """after_edit hook: say whose version the save followed, and where to compare the two."""
    revision = getattr(request, CONFLICT_ATTRIBUTE, None)
    if revision is None:
        return None
    messages.warning(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _(
                "%(name)s saved a newer version at %(time)s while you were editing. Your text was saved as a "
                "draft, but nothing was published or submitted for review. Compare the two versions before you "
                "go on."
            )
            % {
                "name": user_display_name(revision.user) if revision.user else _("The system"),
                "time": date_format(timezone.localtime(revision.created_at), "j F H:i"),
            },
            compare_url(obj, revision.pk, obj.latest_revision_id),
            _("Compare the versions"),
        ),
    )
    return None
