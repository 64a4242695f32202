from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ActorReport, FollowUpRound, NetworkMeeting
from .permissions import reports_visible_to


class FollowUpRoundViewSet(SnippetViewSet):
    model = FollowUpRound
    icon = "date"
    list_display = ["__str__", "locale", "opens_on", "report_deadline", "compiled_on"]


class ActorReportViewSet(SnippetViewSet):
    model = ActorReport
    icon = "doc-full"
    list_display = ["actor", "round", "locale", "state"]

    def get_queryset(self, request):
        # A network representative lists only their own actor's report (cms.admin_guards refuses the rest).
        return reports_visible_to(request.user, ActorReport.objects.select_related("actor", "round"))


class NetworkMeetingViewSet(SnippetViewSet):
    model = NetworkMeeting
    icon = "group"
    list_display = ["__str__", "round", "locale"]


class FollowUpGroup(SnippetViewSetGroup):
    menu_label = _("Follow-up")
    menu_icon = "date"
    menu_order = 210
    items = (FollowUpRoundViewSet, ActorReportViewSet, NetworkMeetingViewSet)


register_snippet(FollowUpGroup)
