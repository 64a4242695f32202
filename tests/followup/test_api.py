"""GET /api/v3/follow-ups/: published rounds only, typed in OpenAPI, in the requested language,
the same for a token as without one, in a number of queries that does not grow with the content."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken, Locale

from followup.models import ActivityStatus, FollowUpRound
from snippets.models import Actor
from tests.followup.test_public_page import goal, publish_round, report

pytestmark = pytest.mark.django_db


def get(client, path, **headers):
    response = client.get(f"/api/v3/{path}", headers=headers)
    return response.status_code, json.loads(response.content)


def baseline():
    return FollowUpRound.objects.get(is_baseline=True, locale__language_code="sv")


def test_the_list_has_the_published_rounds_of_a_strategy_only(client, strategy, open_follow_up):
    status, body = get(client, f"follow-ups/?strategy={strategy.pk}")
    assert status == 200
    assert [item["year"] for item in body] == [2023]
    publish_round(open_follow_up)
    _status, body = get(client, f"follow-ups/?strategy={strategy.pk}&locale=en")
    assert [item["year"] for item in body] == [2030, 2023]


def test_an_unpublished_round_and_report_are_not_served_even_with_a_token(client, open_follow_up, representative):
    _token, plaintext = APIToken.create_token(user=representative("Polisen"), name="test")
    status, _body = get(client, f"follow-ups/{open_follow_up.pk}/", Authorization=f"Bearer {plaintext}")
    assert status == 404
    report(open_follow_up, "Polisen", (ActivityStatus.NEW, "Utkast som inte är publicerat", "", []), publish=False)
    publish_round(open_follow_up)
    status, body = get(client, f"follow-ups/{open_follow_up.pk}/", Authorization=f"Bearer {plaintext}")
    assert status == 200
    assert "Utkast som inte är publicerat" not in json.dumps(body, ensure_ascii=False)


def test_a_round_lists_each_actors_activities_with_status_in_the_requested_language(client):
    status, body = get(client, f"follow-ups/{baseline().pk}/?locale=en")
    assert status == 200
    english_name = (
        Actor.objects.get(name="Polisen", locale__language_code="sv")
        .get_translation(Locale.objects.get(language_code="en"))
        .name
    )
    polisen = next(r for r in body["reports"] if r["actor"]["name"] == english_name)
    assert polisen["actor"]["locale"] == "en"
    assert polisen["locale"] == "sv", "not translated yet: shown in Swedish, and says so"
    first = polisen["activities"][0]
    assert (first["status"], first["status_label"]) == ("ongoing", "Ongoing")
    assert first["text"] == "Aktivt arbete med uppsökande och lagförande av sexköpare."
    assert body["comparison"][0]["years"][0]["counts"]["ongoing"] > 0


def test_the_follow_ups_are_typed_in_the_openapi_document(client):
    document = json.loads(client.get("/api/v3/openapi.json").content)
    assert "/api/v3/follow-ups/" in document["paths"] and "/api/v3/follow-ups/{id}/" in document["paths"]
    activity = document["components"]["schemas"]["FollowUpActivity"]
    assert set(activity["properties"]["status"]["enum"]) == set(ActivityStatus.values)


def test_an_unknown_round_or_strategy_is_a_404_not_an_error(client, strategy):
    assert get(client, "follow-ups/999999/")[0] == 404
    assert get(client, "follow-ups/?strategy=999999")[0] == 404
    assert get(client, "follow-ups/?strategy=abc")[0] == 400
    # Beyond any id (and beyond what SQLite can compare): a parameter error, never a 500.
    assert get(client, "follow-ups/?strategy=99999999999999999999999")[0] == 400
    assert get(client, "follow-ups/?strategy=-10000000000000000001")[0] == 400


def queries(client, path):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_detail_queries_do_not_grow_with_actors_and_activities(client, open_follow_up):
    knowledge = goal("Ökad medvetenhet och kunskap")
    report(open_follow_up, "Polisen", (ActivityStatus.CARRIED_OUT, "A", "x", [knowledge]))
    publish_round(open_follow_up)
    path = f"/api/v3/follow-ups/{open_follow_up.pk}/?locale=en"
    few = queries(client, path)
    many = [(ActivityStatus.CARRIED_OUT, f"Aktivitet {n}", "y", [knowledge]) for n in range(20)]
    for name in ["Polisen", "Migrationsverket", "Socialkontoret"]:
        report(open_follow_up, name, *many)
    assert queries(client, path) == few
