from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from .export import round_workbook
from .models import FollowUpRound
from .permissions import may_coordinate
from .rounds import hand_over, handover_plan

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_round(request, pk):
    """The coordinator's download of a round for the network meeting: every actor's report, drafts
    included, so only who coordinates (translators and communicators may change rounds, not read them all)."""
    if not may_coordinate(request.user):
        raise PermissionDenied
    follow_up = get_object_or_404(FollowUpRound, pk=pk)
    response = HttpResponse(round_workbook(follow_up), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="uppfoljning-{follow_up.year}.xlsx"'
    return response


def hand_over_round(request, pk):
    """The coordinator hands a compiled round's division of responsibilities over to the next period:
    a preview of what each actor will be responsible for, then one button that submits it all for review."""
    if not may_coordinate(request.user):
        raise PermissionDenied
    follow_up = get_object_or_404(FollowUpRound, pk=pk, locale=Locale.get_default())
    listing = "wagtailsnippets_followup_followupround:list"
    if request.method == "POST":
        if follow_up.compiled_on is None:
            messages.error(request, _("The round is not compiled yet: set its compiled date and publish it first."))
            return redirect("follow_up_hand_over", follow_up.pk)
        submitted = hand_over(follow_up, request.user)
        messages.success(
            request,
            ngettext(
                "The division of responsibilities is handed over: %(count)s actor is submitted for review.",
                "The division of responsibilities is handed over: %(count)s actors are submitted for review.",
                len(submitted),
            )
            % {"count": len(submitted)},
        )
        return redirect(listing)
    plan = handover_plan(follow_up)
    handed = {report.pk for report, _rows in plan}
    return TemplateResponse(
        request,
        "followup/hand_over.html",
        {
            "follow_up": follow_up,
            "plan": plan,
            "not_approved": follow_up.reports.exclude(pk__in=handed).select_related("actor"),
            "listing_url": listing,
            "page_title": _("Hand over the division of responsibilities"),
            "page_subtitle": str(follow_up),
            "header_icon": "date",
        },
    )
