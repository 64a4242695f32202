"""Say what happened after an approver acts from the dashboard's review queue.

Wagtail's workflow action view (approve, request changes) answers the dashboard with a bare
redirect, or JSON to its modal, and no message: the row simply disappears, and the approver
cannot tell an approval that published from one that moved the item to a next step.
"""

from django.contrib import messages
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
from wagtail.models import TaskState


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
