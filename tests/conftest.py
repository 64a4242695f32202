from io import StringIO

import pytest
from django.core.management import call_command


def pytest_collection_modifyitems(config, items):
    """Tests marked postgresql check PostgreSQL features (Swedish stemming); a run on SQLite leaves them out."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept, left_out = [], []
    for item in items:
        (left_out if item.get_closest_marker("postgresql") else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the shipped strategy, loaded once; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("load_strategy", stdout=StringIO())


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test's rows are rolled back, but the cache is not: nothing cached may outlive its test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Requests switch the thread's language; each test starts in the site's default, Swedish."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.invalid", "pw")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
