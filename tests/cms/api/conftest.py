import pytest
from wagtail.models import APIToken

from tests.content import shipped_strategy as shipped


@pytest.fixture(autouse=True)
def fresh_api_cache():
    """Each test starts cold, as after a deploy; within a test the cache works as in production."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def strategy(built):
    """The built strategy (tests/factories.py): what the API does is asserted on a strategy the test built."""
    return built.strategy


@pytest.fixture
def shipped_strategy():
    """For the few tests that check the shipped content itself comes through the API whole."""
    return shipped()


@pytest.fixture
def api(client):
    def get(path, **headers):
        return client.get(f"/api/v3/{path}", headers=headers)

    return get


@pytest.fixture
def token_for():
    def make(user):
        _token, plaintext = APIToken.create_token(user=user, name="test")
        return {"Authorization": f"Bearer {plaintext}"}

    return make
