"""Issue 17.9: browsers on the origins in CORS_ALLOWED_ORIGINS may read the API; nobody else, nothing else."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

FRONT_END = "https://www.skelleftea.se"


def preflight(client, path, origin, headers="authorization"):
    return client.options(
        path,
        headers={"Origin": origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": headers},
    )


def test_no_origin_is_allowed_by_default(client, settings):
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = client.get("/api/v3/contacts/", headers={"Origin": FRONT_END})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Origin" not in preflight(client, "/api/v3/contacts/", FRONT_END)


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_a_listed_origin_reads_and_sees_the_etag(client):
    response = client.get("/api/v3/contacts/", headers={"Origin": FRONT_END})
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert "origin" in response["Vary"].lower()


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_the_preflight_of_a_token_read_is_answered(client):
    response = preflight(client, "/api/v3/strategies/", FRONT_END)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "authorization" in response["Access-Control-Allow-Headers"]


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_errors_carry_cors_headers_so_the_front_end_can_read_them(client):
    response = client.get("/api/v3/contacts/?colour=blue", headers={"Origin": FRONT_END})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == FRONT_END


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_another_origin_gets_nothing(client):
    response = client.get("/api/v3/contacts/", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Origin" not in preflight(client, "/api/v3/contacts/", "https://evil.example")


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_only_the_api_is_shared(client, strategy):
    for path in (strategy.url, "/admin/login/"):
        response = client.get(path, headers={"Origin": FRONT_END})
        assert "Access-Control-Allow-Origin" not in response, path


@override_settings(CORS_ALLOWED_ORIGINS=[FRONT_END])
def test_writes_are_not_shared(client):
    response = client.options("/api/v3/pages/", headers={"Origin": FRONT_END, "Access-Control-Request-Method": "POST"})
    assert "POST" not in response.get("Access-Control-Allow-Methods", "")


def test_the_setting_comes_from_the_environment():
    import subprocess
    import sys

    code = "import django; django.setup(); from django.conf import settings; print(settings.CORS_ALLOWED_ORIGINS)"
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.test", "CORS_ALLOWED_ORIGINS": f"{FRONT_END}, https://a.example"}
    import os

    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True)
    assert out.stdout.strip() == repr([FRONT_END, "https://a.example"]), out.stderr
