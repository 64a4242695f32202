"""Feedback reports from the accessibility statement's form are read and exported by approvers and
administrators only, in every language, and an export never hands a spreadsheet a formula."""

import csv
import io
import json

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("https://evil.example","Klicka")', "+1+1", "-2+3", "@SUM(A1:A2)"]


def statement(code):
    return AccessibilityStatementPage.objects.get(locale__language_code=code)


def report(page, text):
    fields = [field.clean_name for field in page.get_form_fields()]
    return FormSubmission.objects.create(page=page, form_data=json.loads(json.dumps(dict.fromkeys(fields, text))))


def login(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"user-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def report_urls(page):
    listing = reverse("wagtailforms:list_submissions", args=[page.pk])
    return {
        "forms": reverse("wagtailforms:index"),
        "submissions": listing,
        "csv": f"{listing}?export=csv",
        "xlsx": f"{listing}?export=xlsx",
        "delete": reverse("wagtailforms:delete_submissions", args=[page.pk]),
    }


@pytest.mark.parametrize(("role", "may_read"), [(APPROVERS, True), (COMMUNICATORS, False), (TRANSLATORS, False)])
@pytest.mark.parametrize("code", ["sv", "fi", "ar"])
def test_only_approvers_read_and_export_reports(client, django_user_model, role, may_read, code):
    page = statement(code)
    report(page, "Knappen Skicka går inte att nå med tangentbordet")
    login(client, django_user_model, role)
    for name, url in report_urls(page).items():
        response = client.get(url)
        assert response.status_code == (200 if may_read else 403), (name, role, code)
        if not may_read:
            assert b"tangentbordet" not in response.content
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ('"/admin/forms/"' in menu) is may_read


def test_administrators_read_reports(admin_client):
    page = statement("sv")
    report(page, "Kontrasten är för låg")
    assert "Kontrasten är för låg" in admin_client.get(report_urls(page)["submissions"]).content.decode()


@pytest.fixture
def approver(client, django_user_model):
    return login(client, django_user_model, APPROVERS)


def test_a_csv_export_shows_formulas_as_text(approver):
    page = statement("sv")
    for text in HOSTILE:
        report(page, text)
    response = approver.get(report_urls(page)["csv"])
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = {cell for row in rows[1:] for cell in row[1:]}
    assert cells == {"'" + text for text in HOSTILE}


def test_an_xlsx_export_shows_formulas_as_text(approver):
    page = statement("fi")
    for text in HOSTILE:
        report(page, text)
    response = approver.get(report_urls(page)["xlsx"])
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row[1:]]
    assert {cell.value for cell in cells} == {"'" + text for text in HOSTILE}
    assert {cell.data_type for cell in cells} == {"s"}


def test_ordinary_answers_are_exported_as_written(approver):
    page = statement("sv")
    report(page, "Sidan om stöd, 2 fel")
    response = approver.get(report_urls(page)["csv"])
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1:] == ["Sidan om stöd, 2 fel"] * (len(rows[1]) - 1)
