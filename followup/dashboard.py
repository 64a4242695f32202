"""The follow-up on the admin dashboard: the coordinator sees who has reported and who is late; a
network representative sees their own report and its deadline."""

from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .models import ActorReport, FollowUpRound
from .permissions import represented_actor_id


class FollowUpPanel(Component):
    name = "follow_up"
    template_name = "followup/dashboard_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        finder = AdminURLFinder(user)
        today = timezone.localdate()
        rounds = FollowUpRound.objects.filter(
            locale=Locale.get_default(), compiled_on__isnull=True, opens_on__lte=today
        ).order_by("report_deadline")
        actor_id = represented_actor_id(user)
        items = []
        for follow_up in rounds:
            reports = ActorReport.objects.filter(round=follow_up).select_related("actor")
            if actor_id is not None:
                reports = reports.filter(actor_id=actor_id)
            rows = []
            for report in reports.order_by("actor__sort_order", "actor__name"):
                state = report.state
                rows.append(
                    {
                        "report": report,
                        "state": state,
                        "reported": state != ActorReport.State.DRAFT,
                        "late": state == ActorReport.State.DRAFT and follow_up.is_late(today),
                        "url": finder.get_edit_url(report),
                    }
                )
            items.append(
                {
                    "round": follow_up,
                    "panel_id": f"follow-up-{follow_up.pk}",
                    "rows": rows,
                    "reported": sum(row["reported"] for row in rows),
                    "late": follow_up.is_late(today),
                    "round_url": finder.get_edit_url(follow_up),
                }
            )
        return {"items": items, "own": actor_id is not None}
