"""Swedish phone numbers: what an editor may type and the form a `tel:` link dials.

libphonenumber knows the Swedish numbering plan, including the short codes
(112, 114 14, 1177) that have no E.164 form and must be dialled as they are.
"""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import shortnumberinfo

REGION = "SE"
# libphonenumber skips letters it does not understand, so "0910-73 50 00 ring" would
# pass; only digits, spaces, dashes, parentheses and a leading plus are a number here.
ALLOWED = re.compile(r"^\+?[\d\s\-()]+$")

INVALID_MESSAGE = _(
    "“%(value)s” is not a valid Swedish phone number. "
    "Write it as it is dialled, for example 0910-73 50 00, 020-61 60 60 or 114 14."
)


def dialable(value):
    """The number a `tel:` link dials: E.164 for subscriber numbers, the digits for short codes.

    Raises ValidationError for anything that is not a Swedish number.
    """
    text = (value or "").strip()
    if not ALLOWED.match(text):
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone", params={"value": value})
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_MESSAGE, code="invalid_phone", params={"value": value}) from None
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not text.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return str(number.national_number)
    raise ValidationError(INVALID_MESSAGE, code="invalid_phone", params={"value": value})


def validate_phone(value):
    if value:
        dialable(value)
