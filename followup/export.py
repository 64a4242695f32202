"""A round as an XLSX workbook for the network meeting: a summary sheet, then one sheet per actor.

Reports are exported as last saved (what representatives submitted, approved or not): the meeting
discusses them before anything is published.
"""

import re
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .models import ActivityStatus

INVALID_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name, used):
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, and no two alike."""
    base = INVALID_IN_SHEET_NAME.sub("-", name)[:31]
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def write_rows(sheet, header, rows):
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = min(60, max(len(str(cell.value or "")) for cell in column) + 2)
        sheet.column_dimensions[column[0].column_letter].width = width
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def round_workbook(follow_up):
    saved = list(follow_up.reports.select_related("actor").order_by("actor__sort_order", "actor__name"))
    states = {report.pk: report.state for report in saved}
    reports = [report.get_latest_revision_as_object() for report in saved]
    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Summary")[:31]
    statuses = list(ActivityStatus)
    write_rows(
        summary,
        [_("Actor"), _("Report"), *[str(status.label) for status in statuses], _("Coming needs")],
        [
            [
                report.actor.name,
                str(states[report.pk].label),
                *[sum(1 for a in report.activities.all() if a.status == status) for status in statuses],
                report.needs,
            ]
            for report in reports
        ],
    )
    used = {summary.title.lower()}
    for report in reports:
        sheet = workbook.create_sheet(sheet_name(report.actor.name, used))
        write_rows(
            sheet,
            [_("Activity"), _("Status"), _("What was done"), _("Target group"), _("Goals")],
            [
                [
                    activity.text,
                    str(activity.get_status_display()),
                    activity.done,
                    activity.target_group,
                    "; ".join(goal.title for goal in activity.goals.all()),
                ]
                for activity in report.activities.all()
            ],
        )
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
