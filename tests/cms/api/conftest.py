import pytest
from wagtail.models import APIToken

from pages.models import StrategyPage
from tests.content import sv


@pytest.fixture(autouse=True)
def fresh_api_cache():
    """Each test starts cold, as after a deploy; within a test the cache works as in production."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def strategy():
    return sv(StrategyPage).get()


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
