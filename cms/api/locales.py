"""The content languages the API answers in: their codes as one enum, names and writing direction."""

from typing import get_args

from django.conf import settings
from django.utils.translation import get_language_info

# The enum of `locale` in the OpenAPI document, declared with the snippets' types that carry it.
from pages.blocks.schemas import LocaleCode

CODES = get_args(LocaleCode)


def describe(code):
    info = get_language_info(code)
    return {
        "code": code,
        "name": info["name_local"],
        "english_name": info["name"],
        "direction": "rtl" if info["bidi"] else "ltr",
        "is_source": code == settings.LANGUAGE_CODE,
    }
