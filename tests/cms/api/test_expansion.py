"""One request for a page's chrome (`expand`), and lists that answer only the fields asked for (`fields`)."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import ChapterPageFactory

pytestmark = pytest.mark.django_db


def test_page_detail_expands_translations_breadcrumbs_and_navigation(api, built_in_english):
    region = built_in_english.region
    detail = api(f"pages/{region.pk}/?expand=translations,breadcrumbs,navigation").json()
    assert detail["title"] == "Läget i regionen"
    assert detail["expanded"]["translations"] == api(f"pages/{region.pk}/translations/").json()
    assert detail["expanded"]["breadcrumbs"] == api(f"pages/{region.pk}/breadcrumbs/").json()
    assert detail["expanded"]["navigation"] == api("navigation/?locale=sv&depth=2").json()


def test_only_what_is_asked_for_is_expanded(api, built):
    region = built.region
    assert api(f"pages/{region.pk}/").json()["expanded"] == {
        "translations": None,
        "breadcrumbs": None,
        "navigation": None,
    }
    partial = api(f"pages/{region.pk}/?expand=breadcrumbs").json()["expanded"]
    assert partial["translations"] is None and [c["title"] for c in partial["breadcrumbs"]][-1] == "Läget i regionen"


def test_navigation_is_in_the_pages_own_language(api, built_in_english):
    english = built_in_english.region.get_translations().get(locale__language_code="en")
    detail = api(f"pages/{english.pk}/?expand=navigation").json()
    assert detail["expanded"]["navigation"] == api("navigation/?locale=en&depth=2").json()


@pytest.mark.parametrize("path", ["pages/{id}/?expand=comments", "pages/{id}/?expand=", "contacts/?fields=colour"])
def test_unknown_values_are_problems(api, built, path):
    response = api(path.format(id=built.region.pk))
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


@pytest.mark.parametrize("fields", ["title", "meta", "title,meta.html_url", "meta.slug,meta.locale"])
def test_the_page_listing_answers_only_the_fields_asked_for(api, fields):
    full = api("pages/?locale=sv&limit=10").json()["items"]
    chosen = api(f"pages/?locale=sv&limit=10&fields={fields}").json()["items"]
    names = fields.split(",")
    meta = {name.removeprefix("meta.") for name in names if name.startswith("meta.")}
    expected = []
    for item in full:
        sparse = {"id": item["id"]}
        if "title" in names:
            sparse["title"] = item["title"]
        if "meta" in names:
            sparse["meta"] = item["meta"]
        elif meta:
            sparse["meta"] = {name: item["meta"][name] for name in meta}
        expected.append(sparse)
    assert len(chosen) == 10 and chosen == expected


def test_the_page_listing_keeps_its_filters_and_count_with_fields(api, built):
    strategy = built.strategy
    # Enough chapters that the window (offset 2, limit 3) is full and the count is more than it holds.
    for _ in range(3):
        ChapterPageFactory(parent=strategy)
    full = api(f"pages/?child_of={strategy.pk}&limit=3&offset=2").json()
    chosen = api(f"pages/?child_of={strategy.pk}&limit=3&offset=2&fields=title").json()
    assert chosen["count"] == full["count"]
    assert chosen["items"] == [{"id": item["id"], "title": item["title"]} for item in full["items"]]


@pytest.mark.parametrize(
    "fields", ["draft_title", "password", "latest_revision", "has_unpublished_changes", "body", "meta.warnings", "*"]
)
def test_fields_name_only_the_listings_own_fields(api, fields):
    """Nothing of the page row beyond the listing: not a draft's title, a restriction's password or a body."""
    response = api(f"pages/?fields=title,{fields}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["query", "fields"]


def test_fields_show_no_draft_and_no_private_page(api, built):
    strategy = built.strategy
    private = ChapterPageFactory(parent=strategy, title="Internt kapitel")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemligt")
    draft = ChapterPageFactory(parent=strategy, title="Utkast till kapitel", live=False)
    live = ChapterPageFactory(parent=strategy, title="Publicerad rubrik")
    live.title = "Ny rubrik i ett utkast"
    live.save_revision()

    items = api(f"pages/?child_of={strategy.pk}&limit=20&fields=title,meta.html_url").json()["items"]
    titles = {item["title"] for item in items}
    assert "Publicerad rubrik" in titles
    assert not titles & {"Internt kapitel", "Utkast till kapitel", "Ny rubrik i ett utkast"}
    assert not {item["id"] for item in items} & {private.pk, draft.pk}


def test_expand_and_fields_are_in_the_openapi_document(api):
    document = api("openapi.json").json()

    def parameter(path, name):
        return next(p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name)

    assert "navigation" in parameter("/api/v3/pages/{page_id}/", "expand")["schema"]["anyOf"][0]["pattern"]
    assert "phone_e164" in parameter("/api/v3/contacts/", "fields")["schema"]["anyOf"][0]["pattern"]
    assert "meta\\.html_url" in parameter("/api/v3/pages/", "fields")["schema"]["anyOf"][0]["pattern"]
    schemas = document["components"]["schemas"]
    assert "expanded" in schemas["ChapterPageDetail"]["required"]
    assert schemas["ContactOutFields"]["required"] == ["id"]
    assert schemas["PageSummaryFields"]["required"] == ["id"]
    assert schemas["PageSummaryMetaFields"].get("required", []) == []
