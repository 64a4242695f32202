"""The accessibility statement's feedback form: a report is kept for the municipality, bad input is explained."""

import pytest
from wagtail.contrib.forms.models import FormSubmission

from pages.models import AccessibilityStatementPage
from tests.content import sv

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement():
    return sv(AccessibilityStatementPage).get()


def fields(statement):
    return {field.label: field.clean_name for field in statement.form_fields.all()}


def test_a_report_is_stored_for_the_municipality(client, statement):
    names = fields(statement)
    response = client.post(
        statement.url,
        {
            names["Beskriv problemet"]: "Tabellen går inte att läsa med skärmläsare.",
            names["Din e-postadress, om du vill ha svar"]: "",
        },
    )
    assert response.status_code == 200
    assert "Tack för att du hjälper oss" in response.content.decode()
    submission = FormSubmission.objects.get(page=statement)
    assert submission.get_data()[names["Beskriv problemet"]] == "Tabellen går inte att läsa med skärmläsare."


def test_a_report_without_a_description_or_with_a_bad_address_is_explained_and_not_stored(client, statement):
    names = fields(statement)
    response = client.post(statement.url, {names["Din e-postadress, om du vill ha svar"]: "inte-en-adress"})
    html = response.content.decode()
    assert response.status_code == 200
    summary = html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    assert "Formuläret kunde inte skickas" in summary
    assert "Beskriv problemet: Det här fältet är obligatoriskt" in summary
    assert "Fyll i en giltig e-postadress." in summary
    assert 'aria-invalid="true"' in html
    assert FormSubmission.objects.count() == 0


def test_the_form_fields_are_translated_and_answers_keep_one_key(statement):
    from wagtail.models import Locale

    english = statement.get_translation(Locale.objects.get(language_code="en"))
    assert [f.clean_name for f in english.form_fields.all()] == [f.clean_name for f in statement.form_fields.all()]
    assert [f.label for f in english.form_fields.all()] != [f.label for f in statement.form_fields.all()]


def test_the_municipality_reads_reports_in_the_admin(client, admin_client, statement):
    names = fields(statement)
    client.post(statement.url, {names["Beskriv problemet"]: "Kontrasten i sidhuvudet är för låg för mig."})
    assert admin_client.get("/admin/forms/").status_code == 200
    listing = admin_client.get(f"/admin/forms/submissions/{statement.pk}/")
    assert listing.status_code == 200
    assert "Kontrasten i sidhuvudet är för låg för mig." in listing.content.decode()
