"""The languages content is published in, so a front-end can build its language switcher and set `dir`."""

from typing import Literal

from ninja import Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from ..locales import CODES, LocaleCode, describe

router = Router(tags=["locales"])


class LocaleOut(Schema):
    code: LocaleCode
    name: str
    english_name: str
    direction: Literal["ltr", "rtl"]
    is_source: bool


@router.get("/", response=list[LocaleOut], auth=[BearerTokenAuth(), AllowAnonymous()], operation_id="locales_list")
@paginate(WagtailLimitOffsetPagination)
def list_locales(request):
    """Every content language: its own name, writing direction and whether it is the source of translations."""
    return [describe(code) for code in CODES]
