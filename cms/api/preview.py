"""Draft preview: who may read a draft, and loading the drafts of pages and snippets.

A draft is never the fallback for a live answer, nor the reverse: a request for a draft
without a token is 401 and with a token of a user who may not edit it 403, so a preview can
never show live content while claiming to be the draft. Draft answers carry a token, so the
API cache never stores them (APICacheMiddleware: no-store for requests with Authorization).
"""

from typing import Literal

from wagtail.models import Revision

from ..api_paths import PREFIX

Version = Literal["live", "draft"]
HEADER = "Content-Version"


class PreviewRefused(Exception):
    def __init__(self, status, detail):
        self.status = status
        super().__init__(detail)


def require_token(request):
    if not request.user.is_authenticated:
        raise PreviewRefused(401, "A draft needs a bearer token of a user who may edit it.")


def require_editor(request, obj):
    """Raise unless the request's token belongs to a user who may edit `obj` (a page or a snippet)."""
    require_token(request)
    user = request.user
    if hasattr(obj, "permissions_for_user"):
        allowed = obj.permissions_for_user(user).can_edit()
    else:
        allowed = user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}")
    if not allowed:
        raise PreviewRefused(403, "This token's user may not edit this content, so may not read its draft.")


def mark(request, version):
    """Remember which version the answer carries, for the response header (PreviewHeaderMiddleware)."""
    request.api_content_version = version
    return version


def latest_versions(objects):
    """Each object as its latest revision says (one query for all), flagged when that differs from live."""
    revision_ids = [obj.latest_revision_id for obj in objects if needs_revision(obj)]
    revisions = Revision.objects.in_bulk(revision_ids)
    result = []
    for obj in objects:
        if obj.latest_revision_id in revisions:
            # From the object in hand: Revision.as_object() would fetch it again, once per object.
            draft = obj.with_content_json(revisions[obj.latest_revision_id].content)
            draft.api_version = "draft"
            result.append(draft)
        else:
            obj.api_version = "live"
            result.append(obj)
    return result


def needs_revision(obj):
    return bool(obj.latest_revision_id) and (not obj.live or obj.has_unpublished_changes)


def version_of(obj):
    return getattr(obj, "api_version", "live")


class PreviewHeaderMiddleware:
    """Every API answer says in a header which version it carries, as its body does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(PREFIX) and response.status_code in (200, 304):
            response[HEADER] = getattr(request, "api_content_version", "live")
        return response
