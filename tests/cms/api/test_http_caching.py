import pytest
from django.utils.http import http_date

pytestmark = pytest.mark.django_db


ENDPOINTS = ["strategies/", "contacts/", "actors/", "indicators/", "concepts/", "goals/", "resources/", "navigation/"]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_anonymous_reads_are_public_and_validatable(api, path):
    response = api(path)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"]
    assert "Authorization" in response["Vary"]


def test_if_none_match_gives_304(api, strategy):
    first = api(f"strategies/{strategy.pk}/")
    second = api(f"strategies/{strategy.pk}/", **{"If-None-Match": first["ETag"]})
    assert second.status_code == 304
    assert second.content == b""
    assert second["ETag"] == first["ETag"]


def test_if_modified_since_gives_304(api):
    first = api("contacts/")
    assert api("contacts/", **{"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    assert api("contacts/", **{"If-Modified-Since": http_date(0)}).status_code == 200


def test_a_stale_etag_gets_the_new_body(api, built):
    contact = built.contact
    first = api("contacts/")
    contact.audience = "Alla som säljer sex"
    contact.save_revision().publish()
    response = api("contacts/", **{"If-None-Match": first["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != first["ETag"]


def test_token_reads_are_private_and_not_stored(api, token_for, superuser):
    response = api("contacts/", **token_for(superuser))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Authorization" in response["Vary"]
    assert "ETag" not in response


def test_a_warm_response_touches_no_database(api, strategy, django_assert_num_queries):
    cold = api(f"strategies/{strategy.pk}/")
    with django_assert_num_queries(0):
        warm = api(f"strategies/{strategy.pk}/")
    assert warm.content == cold.content


def test_errors_are_not_cached_publicly(api):
    response = api("contacts/999999/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
