"""The content languages the API answers in: their codes as one enum, names and writing direction."""

from typing import Literal

from django.conf import settings
from django.utils.translation import get_language_info

CODES = tuple(sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES))

# `locale` wherever it appears (parameter or field) is this enum in the OpenAPI document, so a
# generated client can only ask for a language that exists.
LocaleCode = Literal[CODES]  # type: ignore[valid-type]


def describe(code):
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "english_name": info["name"],
        "direction": "rtl" if info["bidi"] else "ltr",
        "is_source": code == settings.LANGUAGE_CODE,
    }
