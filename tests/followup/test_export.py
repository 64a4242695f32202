"""The coordinator's XLSX workbook of a round: it opens with openpyxl, a summary and a sheet per actor."""

from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from followup.models import ActivityStatus
from tests.followup.test_public_page import goal, report

pytestmark = pytest.mark.django_db


def download(client, follow_up):
    return client.get(f"/admin/follow-up/{follow_up.pk}/export.xlsx")


def test_the_coordinator_downloads_a_summary_and_a_sheet_per_actor(client, django_user_model, open_follow_up):
    report(
        open_follow_up,
        "Polisen",
        (ActivityStatus.CARRIED_OUT, "Flygblad", "Hotellpersonal", [goal("Ökad medvetenhet och kunskap")]),
        (ActivityStatus.NEW, "Taxiutbildning", "Taxiförare", []),
        publish=False,
    )
    coordinator = django_user_model.objects.create_user("samordnare")
    coordinator.groups.add(Group.objects.get(name=APPROVERS))
    client.force_login(coordinator)
    response = download(client, open_follow_up)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="uppfoljning-2030.xlsx"'
    workbook = load_workbook(BytesIO(response.content))
    actors = [r.actor.name for r in open_follow_up.reports.order_by("actor__sort_order", "actor__name")]
    # Excel allows 31 characters and no "/" in a sheet name.
    assert workbook.sheetnames == ["Sammanfattning", *[name.replace("/", "-")[:31] for name in actors]]
    assert "Region Västerbotten, psykiatris" in workbook.sheetnames
    summary = list(workbook["Sammanfattning"].values)
    assert summary[0] == ("Aktör", "Rapport", "Genomförd", "Pågående", "Planerad", "Avbruten", "Ny", "Kommande behov")
    polisen = next(row for row in summary if row[0] == "Polisen")
    assert polisen[2:7] == (1, 0, 0, 0, 1)
    rows = list(workbook["Polisen"].values)
    assert rows[1] == ("Flygblad", "Genomförd", None, "Hotellpersonal", "Ökad medvetenhet och kunskap")
    assert rows[2][:2] == ("Taxiutbildning", "Ny")


def test_a_representative_cannot_download_a_round(client, representative, open_follow_up):
    client.force_login(representative("Polisen"))
    assert download(client, open_follow_up).status_code == 403


@pytest.mark.parametrize("role", [TRANSLATORS, COMMUNICATORS])
def test_only_the_coordinator_downloads_the_drafts_of_every_actor(client, django_user_model, open_follow_up, role):
    user = django_user_model.objects.create_user("annan", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    # Refused: Wagtail's admin turns the refusal into a redirect to the dashboard, with its message.
    assert download(client, open_follow_up).status_code in (302, 403)
