"""Say what happened in a review, to the approver who acted and to the editor who must act next.

Wagtail's workflow action view (approve, request changes) answers the dashboard with a bare
redirect, or JSON to its modal, and no message: the row simply disappears, and the approver
cannot tell an approval that published from one that moved the item to a next step.

And the editor who opens a page or snippet whose changes were requested sees only "Förändringar
begärdes" in the closed status panel; the approver's comment, the reason for the work, hides
behind "Visa detaljer" in a dialog.
"""

from django.contrib import messages
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.models import TaskState, WorkflowState


class WorkflowActionMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "POST" and request.path_info.startswith("/admin/") and response.status_code in (200, 302):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                return response
            if match.url_name == "workflow_action" and "task_state_id" in match.kwargs:
                self.confirm(request, match.kwargs["action_name"], match.kwargs["task_state_id"])
        return response

    @staticmethod
    def confirm(request, action, task_state_id):
        task_state = TaskState.objects.filter(pk=task_state_id).select_related("workflow_state").first()
        # A modal's first post only validates; the action has happened once the task state is finished.
        if task_state is None or task_state.finished_by_id != request.user.pk or task_state.finished_at is None:
            return
        obj = task_state.workflow_state.content_object
        title = str(obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj)
        requester = task_state.workflow_state.requested_by
        if action == "reject":
            messages.success(
                request,
                _("You asked for changes to '%(title)s'. %(name)s sees your comment on their dashboard.")
                % {"title": title, "name": user_display_name(requester) if requester else _("The editor")},
            )
        elif getattr(obj, "live", True) and not task_state.workflow_state.is_active:
            messages.success(request, _("'%(title)s' was approved and published.") % {"title": title})
        else:
            messages.success(request, _("'%(title)s' was approved.") % {"title": title})


def show_requested_changes(request, obj):
    """On opening the editor: who asked for changes, and their comment, above the form."""
    if request.method != "GET":
        return
    workflow_state = obj.current_workflow_state if hasattr(obj, "current_workflow_state") else None
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.finished_by is None:
        return
    comment = task_state.get_comment()
    values = {"name": user_display_name(task_state.finished_by), "comment": comment}
    if comment:
        messages.warning(request, _("%(name)s asked for changes: “%(comment)s”") % values)
    else:
        messages.warning(request, _("%(name)s asked for changes.") % values)
