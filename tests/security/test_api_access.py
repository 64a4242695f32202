"""Every API operation that is not public answers 401 to anonymous callers and to tokens that are no
longer valid, and the API refuses bad input with a 4xx, never a 500."""

import json
import re

import pytest
from wagtail.models import APIToken

from pages.models import ChapterPage
from tests.content import sv

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    return client.get("/api/v3/openapi.json").json()


# Wagtail's snippet operations are mounted but left out of the document (docs/decisions/0009).
UNDOCUMENTED = [
    ("get", "/api/v3/snippets/{type}/"),
    ("post", "/api/v3/snippets/{type}/"),
    ("get", "/api/v3/snippets/{type}/{pk}/"),
    ("patch", "/api/v3/snippets/{type}/{pk}/"),
    ("delete", "/api/v3/snippets/{type}/{pk}/"),
    ("post", "/api/v3/snippets/{type}/{pk}/actions/publish/"),
]


def private_operations(openapi):
    """Every operation without the empty security requirement, which is how the document says "anonymous"."""
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            if {} not in operation.get("security", []):
                yield method, path
    yield from UNDOCUMENTED


def concrete(path, page_id):
    # Any real id: the answer must be 401 before the object is even looked up.
    path = re.sub(r"\{(page_id|id|document_id|image_id|redirect_id)\}", str(page_id), path)
    return re.sub(r"\{[^}]+\}", "contact", path)


def call(client, method, path, headers=None):
    if method == "get":
        return client.get(path, headers=headers or {})
    return getattr(client, method)(
        path, data=json.dumps({"title": "Intrång"}), content_type="application/json", headers=headers or {}
    )


def test_there_are_private_operations_to_check(openapi):
    assert len(list(private_operations(openapi))) >= 35


def test_every_private_operation_answers_401_anonymously_and_changes_nothing(client, openapi):
    page = sv(ChapterPage).get(slug="aktorer")
    answers = {
        (method, path): call(client, method, concrete(path, page.pk)).status_code
        for method, path in private_operations(openapi)
    }
    assert {key: status for key, status in answers.items() if status != 401} == {}
    page.refresh_from_db()
    assert page.title == "Aktörer" and page.live


@pytest.mark.parametrize("kind", ["garbage", "revoked", "inactive user"])
def test_invalid_tokens_cannot_write(client, superuser, django_user_model, kind):
    page = sv(ChapterPage).get(slug="aktorer")
    if kind == "garbage":
        plaintext = "wagtail_" + "x" * 40
    else:
        user = superuser
        if kind == "inactive user":
            user = django_user_model.objects.create_superuser("former", "former@example.invalid", "pw")
            user.is_active = False
            user.save()
        token, plaintext = APIToken.create_token(user=user, name=kind)
        if kind == "revoked":
            token.revoke()
    headers = {"Authorization": f"Bearer {plaintext}"}
    assert call(client, "patch", f"/api/v3/pages/{page.pk}/", headers).status_code == 401
    assert call(client, "post", f"/api/v3/pages/{page.pk}/actions/unpublish/", headers).status_code == 401
    page.refresh_from_db()
    assert page.title == "Aktörer" and page.live


@pytest.mark.parametrize(
    "query",
    [
        "contacts/?limit=99999999999999999999",
        "contacts/?offset=-1",
        "contacts/?limit=abc",
        "pages/?offset=99999999999999999999999",
        "pages/?limit=99999999999999999999999",
        "contacts/?offset=" + "9" * 30,
        "pages/?search=" + "m" * 10_000,
        "pages/?locale=sv%01%02",
        "contacts/?locale=%E2%80%AE",
        "strategies/?locale=" + "x" * 5000,
    ],
)
def test_bad_parameters_get_a_4xx_not_a_500(client, query):
    response = client.get(f"/api/v3/{query}")
    assert 400 <= response.status_code < 500, (query, response.status_code)


def test_malformed_json_from_an_editor_gets_a_4xx(client, superuser):
    page = sv(ChapterPage).get(slug="aktorer")
    _token, plaintext = APIToken.create_token(user=superuser, name="editor")
    response = client.patch(
        f"/api/v3/pages/{page.pk}/",
        data='{"title": ',
        content_type="application/json",
        headers={"Authorization": f"Bearer {plaintext}"},
    )
    assert 400 <= response.status_code < 500
