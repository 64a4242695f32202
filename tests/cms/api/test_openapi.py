"""The API contract: one OpenAPI document, snapshotted so an upgrade that changes it fails loudly."""

import json
import os
import re
from pathlib import Path

import pytest

from pages.blocks import body_blocks

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi.json"


@pytest.fixture
def openapi(api):
    response = api("openapi.json")
    assert response.status_code == 200
    return response.json()


def test_openapi_matches_the_snapshot(openapi):
    """To accept a deliberate change: UPDATE_SNAPSHOTS=1 make test, then review the diff."""
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(json.dumps(openapi, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    assert openapi == json.loads(SNAPSHOT.read_text())


def test_one_document_describes_wagtail_and_project_endpoints(openapi):
    paths = set(openapi["paths"])
    assert {"/api/v3/pages/", "/api/v3/strategies/{id}/", "/api/v3/contacts/", "/api/v3/navigation/"} <= paths


def test_every_body_block_is_typed(openapi):
    schemas = openapi["components"]["schemas"]
    body = schemas["Chapter"]["properties"]["body"]["items"]
    members = {ref["$ref"].rsplit("/", 1)[1] for ref in body["oneOf"]}
    assert body["discriminator"]["propertyName"] == "type"
    # One typed member per block a chapter body allows, no more, no fewer.
    assert set(body["discriminator"]["mapping"]) == {name for name, _block in body_blocks()}
    assert len(members) == len(body_blocks())
    for member in members:
        assert schemas[member]["properties"]["value"] != {}, member


def get_operations(openapi, strategy):
    """(concrete path, its query parameters) for every GET whose path ids can be the strategy's."""
    for path, methods in openapi["paths"].items():
        if "get" in methods and not re.search(r"\{(?!id\}|page_id\})", path):
            parameters = {p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"}
            yield re.sub(r"\{(id|page_id)\}", str(strategy.pk), path), parameters


def test_every_operation_rejects_an_unknown_parameter_by_name(client, openapi, strategy):
    for path, _parameters in get_operations(openapi, strategy):
        response = client.get(path, {"colour": "blue"})
        assert response.status_code == 400, path
        assert response["Content-Type"] == "application/problem+json"
        assert "colour" in response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "abc"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"locale": "x" * 10_000},
        {"locale": "sv\x00"},
        {"depth": "0"},
        {"version": "all"},
        {"search": "a" * 10_000},
        {"html_path": "/\x00"},
    ],
)
def test_malformed_values_are_client_errors_never_server_errors(client, openapi, strategy, query):
    tried = 0
    for path, parameters in get_operations(openapi, strategy):
        if set(query) <= parameters:
            response = client.get(path, query)
            assert response.status_code < 500, (path, query)
            assert response.status_code in (200, 400, 401, 404, 422), (path, query)
            tried += 1
    assert tried


def test_the_document_validates(openapi):
    from openapi_spec_validator import validate

    validate(openapi)


def test_anonymous_access_is_the_empty_security_requirement(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert all("scheme" in scheme for scheme in schemes.values() if scheme["type"] == "http")
    assert openapi["paths"]["/api/v3/contacts/"]["get"]["security"] == [{"BearerTokenAuth": []}, {}]


def test_every_operation_documents_its_errors_as_problems(openapi):
    problem = openapi["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            errors = {status for status in operation["responses"] if status.startswith("4")}
            assert {"400", "404"} <= errors, (method, path)
            for status in errors:
                content = operation["responses"][status]["content"]
                assert content == {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_locale_category_and_kind_are_enums(openapi):
    from django.conf import settings

    from snippets.models import Contact, Resource

    locales = sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
    schemas = openapi["components"]["schemas"]
    for path, methods in openapi["paths"].items():
        for parameter in methods.get("get", {}).get("parameters", []):
            if parameter["name"] == "locale":
                members = parameter["schema"].get("anyOf", [parameter["schema"]])
                assert [m["enum"] for m in members if m.get("type") == "string"] == [locales], path
    for name in ("ContactOut", "ActorOut", "StrategySummary", "PageLink"):
        assert schemas[name]["properties"]["locale"]["enum"] == locales, name
    assert set(schemas["ContactOut"]["properties"]["category"]["enum"]) == set(Contact.Category.values)
    assert set(schemas["ResourceOut"]["properties"]["kind"]["enum"]) == set(Resource.Kind.values)


def test_no_operation_takes_a_type_that_matches_nothing(openapi):
    assert not [path for path in openapi["paths"] if path.startswith("/api/v3/snippets/")]
    assert not [name for name in openapi["components"]["schemas"] if "NoSnippetModels" in name]
