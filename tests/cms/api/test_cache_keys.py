"""Issue 17.12: repeated, reordered, default or unknown parameters never make a new server cache entry."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def stored_answers():
    # The test settings use the local-memory cache; its keys are ":<version>:<key>".
    return {key for key in cache._cache if key.split(":", 2)[2].startswith("api-response:")}


def test_equivalent_queries_share_one_entry(client):
    variants = [
        "",
        "?locale=sv",
        "?locale=sv&locale=sv",
        "?limit=20",
        "?offset=0&limit=20&locale=sv",
        "?locale=sv&offset=0",
    ]
    bodies = {client.get(f"/api/v3/contacts/{query}").content for query in variants}
    assert len(bodies) == 1
    assert len(stored_answers()) == 1


def test_parameter_order_does_not_matter(client):
    client.get("/api/v3/contacts/?locale=en&limit=5")
    client.get("/api/v3/contacts/?limit=5&locale=en")
    client.get("/api/v3/contacts/?limit=5&locale=en&limit=5")
    assert len(stored_answers()) == 1


def test_unknown_or_conflicting_parameters_store_nothing(client):
    client.get("/api/v3/contacts/")
    before = stored_answers()
    for n in range(20):
        assert client.get(f"/api/v3/contacts/?x{n}=1").status_code == 400
        assert client.get(f"/api/v3/contacts/?locale=sv&locale=en&n={n}").status_code == 400
    assert stored_answers() == before


def test_queries_on_operations_without_parameters_store_one_entry(client):
    for n in range(10):
        client.get(f"/api/v3/openapi.json?cachebuster={n}")
    assert len(stored_answers()) == 1


def test_different_answers_still_get_their_own_entries(client):
    for locale in ("sv", "en", "fi", "ar"):
        client.get(f"/api/v3/contacts/?locale={locale}")
    client.get("/api/v3/contacts/?limit=5")
    assert len(stored_answers()) == 5


def test_repeated_or_reordered_field_and_expand_names_share_one_entry(client, strategy):
    fields = ["name,phone", "phone,name", "name,name,phone", "phone,name,phone"]
    bodies = {client.get(f"/api/v3/contacts/?fields={choice}").content for choice in fields}
    assert len(bodies) == 1
    expand = ["translations,breadcrumbs", "breadcrumbs,translations", "breadcrumbs,breadcrumbs,translations"]
    for choice in expand:
        assert client.get(f"/api/v3/pages/{strategy.pk}/?expand={choice}").status_code == 200
    assert len(stored_answers()) == 2
