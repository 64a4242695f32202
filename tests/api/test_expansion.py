"""One request for a page's chrome (`expand`), and lists that answer only the fields asked for (`fields`)."""

import pytest

from pages.models import ChapterPage
from tests.content import sv

pytestmark = pytest.mark.django_db


def test_page_detail_expands_translations_breadcrumbs_and_navigation(api):
    norrland = sv(ChapterPage).get(slug="norrland")
    detail = api(f"pages/{norrland.pk}/?expand=translations,breadcrumbs,navigation").json()
    assert detail["title"] == "Norrland"
    assert detail["expanded"]["translations"] == api(f"pages/{norrland.pk}/translations/").json()
    assert detail["expanded"]["breadcrumbs"] == api(f"pages/{norrland.pk}/breadcrumbs/").json()
    assert detail["expanded"]["navigation"] == api("navigation/?locale=sv&depth=2").json()


def test_only_what_is_asked_for_is_expanded(api):
    norrland = sv(ChapterPage).get(slug="norrland")
    assert api(f"pages/{norrland.pk}/").json()["expanded"] == {
        "translations": None,
        "breadcrumbs": None,
        "navigation": None,
    }
    partial = api(f"pages/{norrland.pk}/?expand=breadcrumbs").json()["expanded"]
    assert partial["translations"] is None and [c["title"] for c in partial["breadcrumbs"]][-1] == "Norrland"


def test_navigation_is_in_the_pages_own_language(api):
    english = sv(ChapterPage).get(slug="norrland").get_translations().get(locale__language_code="en")
    detail = api(f"pages/{english.pk}/?expand=navigation").json()
    assert detail["expanded"]["navigation"] == api("navigation/?locale=en&depth=2").json()


@pytest.mark.parametrize("path", ["pages/{id}/?expand=comments", "pages/{id}/?expand=", "contacts/?fields=colour"])
def test_unknown_values_are_problems(api, path):
    norrland = sv(ChapterPage).get(slug="norrland")
    response = api(path.format(id=norrland.pk))
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"][-1] in ("expand", "fields")


@pytest.mark.parametrize(
    ("collection", "fields"),
    [
        ("contacts", "name,phone_e164"),
        ("actors", "name"),
        ("indicators", "indicators"),
        ("concepts", "term,definition"),
        ("goals", "title,audiences"),
        ("resources", "url,kind"),
        ("strategies", "title,url"),
    ],
)
def test_lists_answer_only_the_fields_asked_for(api, collection, fields):
    full = api(f"{collection}/?limit=5").json()["items"]
    chosen = api(f"{collection}/?limit=5&fields={fields}").json()["items"]
    wanted = {"id", *fields.split(",")}
    assert chosen == [{name: item[name] for name in wanted} for item in full]


def test_expand_and_fields_are_in_the_openapi_document(api):
    document = api("openapi.json").json()

    def parameter(path, name):
        return next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)

    assert "navigation" in parameter("/api/v3/pages/{page_id}/", "expand")["schema"]["anyOf"][0]["pattern"]
    assert "phone_e164" in parameter("/api/v3/contacts/", "fields")["schema"]["anyOf"][0]["pattern"]
    schemas = document["components"]["schemas"]
    assert "expanded" in schemas["ChapterPageDetail"]["required"]
    assert schemas["ContactOutFields"]["required"] == ["id"]
