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


# Without a cookie there is no CSRF token: the form keeps itself usable with a honeypot, a size
# limit and a limit on reports per client address (decision 0007).


def description_field(statement):
    return fields(statement)["Beskriv problemet"]


def test_a_report_needs_no_cookie_and_no_csrf_token():
    from django.test import Client

    statement = sv(AccessibilityStatementPage).get()
    client = Client(enforce_csrf_checks=True)
    response = client.post(statement.url, {description_field(statement): "Rubrikerna saknar struktur."})
    assert response.status_code == 200
    assert "Tack för att du hjälper oss" in response.content.decode()
    assert not response.cookies and not client.cookies
    assert FormSubmission.objects.filter(page=statement).count() == 1


def test_a_robot_that_fills_in_the_hidden_field_is_thanked_and_nothing_is_stored(client, statement):
    response = client.post(statement.url, {description_field(statement): "Köp billigt!", "website": "http://spam"})
    assert "Tack för att du hjälper oss" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_the_hidden_field_is_hidden_from_people(client, statement):
    html = client.get(statement.url).content.decode()
    trap = html.split('class="form-trap"', 1)[1].split("</div>", 1)[0]
    assert 'name="website"' in trap and 'tabindex="-1"' in trap


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sv", "Texten är för lång: skriv högst 4000 tecken."),
        ("en", "The text is too long: write at most 4000 characters."),
        ("fi", "Teksti on liian pitkä: kirjoita enintään 4000 merkkiä."),
        ("ar", "النص طويل جدًا: اكتب 4000 حرف كحد أقصى."),
    ],
)
def test_an_overlong_report_is_explained_in_the_readers_language_and_not_stored(client, statement, language, message):
    from wagtail.models import Locale

    page = statement.get_translation(Locale.objects.get(language_code=language))
    text = "Långt. " * 700
    response = client.post(page.url, {description_field(statement): text})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert text.strip() in html  # the reader's text is kept, to shorten
    assert FormSubmission.objects.count() == 0


def test_a_sixth_report_within_ten_minutes_from_one_address_waits_and_keeps_its_text(client, statement):
    field = description_field(statement)
    for number in range(5):
        assert "Tack för att" in client.post(statement.url, {field: f"Rapport {number}"}).content.decode()
    response = client.post(statement.url, {field: "Den sjätte rapporten"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Du har skickat flera rapporter på kort tid." in html
    assert "Den sjätte rapporten" in html
    assert FormSubmission.objects.count() == 5
    # Another address is not held up by this one.
    other = client.post(statement.url, {field: "Från en annan dator"}, REMOTE_ADDR="192.0.2.7")
    assert "Tack för att" in other.content.decode()


def test_the_limit_keeps_no_address(client, statement):
    from django.core.cache import cache

    client.post(statement.url, {description_field(statement): "Rapport"}, REMOTE_ADDR="198.51.100.23")
    keys = list(cache._cache.keys())  # the test cache is LocMemCache
    assert keys and not any("198.51.100.23" in key for key in keys)


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("sv", "Vi svarar inom fem arbetsdagar."),
        ("en", "We reply within five working days."),
        ("fi", "Vastaamme viiden arkipäivän kuluessa."),
        ("ar", "نرد خلال خمسة أيام عمل."),
    ],
)
def test_the_statement_gives_an_address_a_number_and_how_soon_we_answer(client, statement, language, answer):
    from wagtail.models import Locale

    html = client.get(statement.get_translation(Locale.objects.get(language_code=language)).url).content.decode()
    assert 'href="mailto:kommun@skelleftea.se"' in html
    assert 'href="tel:+46910735000"' in html
    assert answer in html
