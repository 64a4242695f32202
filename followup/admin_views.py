from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .export import round_workbook
from .models import FollowUpRound

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_round(request, pk):
    """The coordinator's download of a round for the network meeting (those who may change rounds)."""
    if not request.user.has_perm("followup.change_followupround"):
        raise PermissionDenied
    follow_up = get_object_or_404(FollowUpRound, pk=pk)
    response = HttpResponse(round_workbook(follow_up), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="uppfoljning-{follow_up.year}.xlsx"'
    return response
