import os
import shutil

import pytest

from tests import loaded_database


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
def django_db_setup(django_test_environment, django_db_blocker, tmp_path_factory):
    """Every test starts from the shipped strategy, loaded once per change of the code and kept
    (tests/loaded_database.py); each process works on its own copy and each test's changes are rolled back."""
    from django.conf import settings
    from django.db import connection

    configured = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        copy = tmp_path_factory.mktemp("database") / "test.sqlite3"
        shutil.copyfile(loaded_database.sqlite_file(), copy)
    else:
        copy = f"test_{configured}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        loaded_database.copy_postgres(os.environ["DATABASE_URL"], copy)
    connection.close()
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = str(copy)
    yield
    with django_db_blocker.unblock():
        connection.close()
    settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = configured
    if connection.vendor == "postgresql":
        loaded_database.drop_postgres(os.environ["DATABASE_URL"], copy)


@pytest.fixture(scope="session")
def public_site(django_db_setup, django_db_blocker):
    """Every live page (every page type, every language) as an anonymous reader gets it from the shipped
    strategy, rendered once per process: a dozen tests read every page and none of them changes one.
    Only for tests that read the loaded strategy as it is; a test that changes content requests its pages.
    The URLs map to (page, response); the page is None for the few addresses that are not a page."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test import Client

    from pages.models import StrategyPage
    from tests.site_text import live_pages

    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        client = Client()
        pages = {page.url: page for page in live_pages()}
        for page in pages.values():
            page.locale  # noqa: B018 (loaded now, so tests read it without a query)
        for strategy in StrategyPage.objects.live():
            pages[strategy.url + strategy.whole_strategy_path] = None
        for path in ["/sv/sok/?q=polisen", "/en/search/?q=police", "/fi/haku/?q=poliisi", "/sitemap.xml"]:
            pages[path] = None
        for path in ["/sv/finns-inte/", "/ar/finns-inte/", "/robots.txt"]:
            pages[path] = None
        rendered = {url: (page, client.get(url)) for url, page in pages.items()}
        # Rendering writes nothing a test could see; should it ever, the next test does not start from it.
        transaction.set_rollback(True)
        cache.clear()
    return rendered


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


@pytest.fixture
def built():
    """A small Swedish strategy built for the test (tests/factories.py): tests assert on what they build,
    not on the shipped content, which only the content package's own tests pin."""
    from tests.factories import small_strategy

    return small_strategy()


@pytest.fixture
def built_in_english(built):
    """The built strategy with its contact and every chapter translated into English."""
    from tests.factories import translate_strategy

    translate_strategy(built, "en")
    return built
