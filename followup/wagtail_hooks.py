from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import export_round
from .models import ActorReport, FollowUpRound, NetworkMeeting
from .permissions import is_representative, reports_visible_to


class FollowUpRoundViewSet(SnippetViewSet):
    model = FollowUpRound
    icon = "date"
    list_display = ["__str__", "locale", "opens_on", "report_deadline", "compiled_on"]


class ActorReportViewSet(SnippetViewSet):
    model = ActorReport
    icon = "doc-full"
    # The state in words, as the dashboard says it: not the stored value ("draft").
    list_display = ["actor", "round", "locale", Column("state", label=_("Report"), accessor="state.label")]

    def get_queryset(self, request):
        # A network representative lists only their own actor's report (cms.admin_guards refuses the rest).
        return reports_visible_to(request.user, ActorReport.objects.select_related("actor", "round"))


class NetworkMeetingViewSet(SnippetViewSet):
    model = NetworkMeeting
    icon = "group"
    list_display = ["__str__", "round", "locale"]


class FollowUpGroup(SnippetViewSetGroup):
    menu_label = _("Follow-up")
    menu_name = "follow-up"
    menu_icon = "date"
    menu_order = 210
    items = (FollowUpRoundViewSet, ActorReportViewSet, NetworkMeetingViewSet)


register_snippet(FollowUpGroup)


@hooks.register("register_admin_urls")
def register_export_url():
    return [path("follow-up/<int:pk>/export.xlsx", export_round, name="follow_up_export")]


@hooks.register("construct_main_menu")
def representatives_see_only_the_follow_up(request, menu_items):
    # Everything else is refused to them (cms.admin_guards); a menu of refusals would only mislead.
    if is_representative(request.user):
        menu_items[:] = [item for item in menu_items if item.name == FollowUpGroup.menu_name]
