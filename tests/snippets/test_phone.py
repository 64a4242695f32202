import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from snippets.models import Contact
from snippets.phone import dialable
from tests.content import sv

pytestmark = pytest.mark.django_db

SWEDISH_ERROR = "är inte ett giltigt svenskt telefonnummer"


@pytest.mark.parametrize(
    ("typed", "dialled"),
    [
        ("112", "112"),
        ("114 14", "11414"),
        ("0910-73 50 00", "+46910735000"),
        ("020-61 60 60", "+4620616060"),
        ("08-508 255 01", "+46850825501"),
        ("010-485 86 56", "+46104858656"),
        ("+46 910 73 50 00", "+46910735000"),
        ("(0910) 73 50 00", "+46910735000"),
    ],
)
def test_swedish_forms_are_accepted_and_get_their_dialable_form(typed, dialled):
    contact = Contact(name="Test", category=Contact.Category.SUPPORT_LINE, phone=typed)
    contact.full_clean(exclude=["locale", "translation_key"], validate_unique=False)
    contact.save()
    contact.refresh_from_db()
    assert (contact.phone, contact.phone_dialable, contact.tel_href) == (typed, dialled, f"tel:{dialled}")


@pytest.mark.parametrize(
    "garbage", ["abc", "12", "0910-7", "+112", "0910-73 50 00 eller 112", "070-123 45 67 89 00", "javascript:alert(1)"]
)
def test_garbage_is_rejected_with_a_swedish_message(garbage):
    with translation.override("sv"):
        with pytest.raises(ValidationError) as error:
            dialable(garbage)
        message = str(error.value.messages[0])
    assert SWEDISH_ERROR in message
    assert garbage in message


def test_a_contact_with_an_invalid_number_cannot_be_saved_from_code():
    with pytest.raises(ValidationError):
        Contact(name="Test", category=Contact.Category.SUPPORT_LINE, phone="ring mig").save()
    assert not sv(Contact).filter(name="Test").exists()


def test_the_admin_rejects_an_invalid_number_in_swedish_and_saves_nothing(admin_client):
    count = Contact.objects.count()
    response = admin_client.post(
        "/admin/snippets/snippets/contact/add/?locale=sv",
        {"name": "Ny stödlinje", "phone": "020-ABC", "category": "support_line", "action-publish": "publish"},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 200
    assert SWEDISH_ERROR in response.content.decode()
    assert Contact.objects.count() == count


def test_the_admin_saves_a_valid_number_with_its_dialable_form(admin_client):
    response = admin_client.post(
        "/admin/snippets/snippets/contact/add/?locale=sv",
        {"name": "Ny stödlinje", "phone": "020-61 60 60", "category": "support_line"},
    )
    assert response.status_code == 302
    contact = sv(Contact).get(name="Ny stödlinje")
    assert contact.phone_dialable == "+4620616060"
