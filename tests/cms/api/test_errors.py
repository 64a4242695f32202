"""Issue 17.8: every error under /api/v3/ is one problem shape; locales are listed; HEAD works where GET does."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from cms.roles import APPROVERS
from tests.cms.api.test_openapi import get_operations

pytestmark = pytest.mark.django_db

LOCALES = sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
SHAPE = {"type", "title", "status", "detail"}
EXTRAS = {"errors", "available_locales"}


def assert_problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert SHAPE <= set(body) <= SHAPE | EXTRAS, body
    assert body["status"] == status
    assert body["detail"]
    return body


@pytest.mark.parametrize(
    "path",
    [
        "nothing/",
        "pages/find/extra/",
        "contacts/abc/",
        "strategies/abc/",
        "pages/abc/",
        "pages/abc/breadcrumbs/",
        "pages/999999/",
        "contacts/999999/",
    ],
)
def test_a_path_that_names_nothing_is_a_404_problem(client, path):
    assert_problem(client.get(f"/api/v3/{path}"), 404)


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "abc"},
        {"offset": "-1"},
        {"limit": "100000"},
        {"colour": "blue"},
        {"locale": "xx"},
        {"locale": ["sv", "en"]},
    ],
)
def test_every_invalid_parameter_is_a_400_problem(client, query):
    body = assert_problem(client.get("/api/v3/contacts/", query), 400)
    assert body["errors"][0]["loc"][0] == "query"


def test_an_invalid_depth_is_a_400_problem_too(client):
    assert_problem(client.get("/api/v3/navigation/", {"depth": "0"}), 400)


def test_every_unknown_locale_error_lists_the_locales(client, strategy):
    tried = 0
    for path, parameters in get_operations(client.get("/api/v3/openapi.json").json(), strategy):
        if "locale" in parameters:
            body = assert_problem(client.get(path, {"locale": "xx"}), 400)
            assert body["available_locales"] == LOCALES, path
            assert "xx" in body["detail"]
            tried += 1
    assert tried >= 10


def test_the_locales_endpoint_lists_name_direction_and_source(client):
    response = client.get("/api/v3/locales/")
    assert response.status_code == 200
    locales = {item["code"]: item for item in response.json()["items"]}
    assert sorted(locales) == LOCALES
    assert locales["ar"]["direction"] == "rtl"
    assert {locales[code]["direction"] for code in ("sv", "en", "fi")} == {"ltr"}
    assert [code for code, item in locales.items() if item["is_source"]] == ["sv"]
    assert locales["sv"]["name"] == "svenska"
    assert locales["ar"]["name"] == "العربيّة"
    assert locales["fi"]["english_name"] == "Finnish"


def test_head_answers_wherever_get_does(client, strategy):
    tried = 0
    for path, _parameters in get_operations(client.get("/api/v3/openapi.json").json(), strategy):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code, path
        assert head["Content-Type"] == get["Content-Type"], path
        assert head.content == b"", path
        if get.status_code == 200:
            assert int(head["Content-Length"]) == len(get.content), path
            assert head["ETag"] == get["ETag"], path
        tried += 1
    assert tried >= 20


def test_head_of_an_unknown_path_is_a_404(client):
    response = client.head("/api/v3/nothing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_missing_slash_redirects_to_the_operation(client):
    response = client.get("/api/v3/contacts?locale=en")
    assert response.status_code == 301
    assert response["Location"] == "/api/v3/contacts/?locale=en"


@pytest.mark.parametrize("path", ["strategies/{huge}/", "strategies/{huge}/?version=draft", "contacts/{huge}/"])
def test_an_id_no_database_can_hold_is_not_found_with_a_token_too(api, token_for, django_user_model, path):
    """Found by make fuzz: with an approver's token, SQLite's integer overflow on such an id was a 500."""
    approver = django_user_model.objects.create_user("granskare-fuzz", password="pw")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    assert_problem(api(path.format(huge=664943118498349187072), **token_for(approver)), 404)
