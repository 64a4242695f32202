import os
import shutil

import pytest
from pytest_django.plugin import blocking_manager_key

from tests import loaded_database


def pytest_collection_modifyitems(config, items):
    """Tests marked postgresql check PostgreSQL features (Swedish stemming); a run on SQLite leaves them out."""
    from django.db import connection

    if connection.vendor != "postgresql":
        kept, left_out = [], []
        for item in items:
            (left_out if item.get_closest_marker("postgresql") else kept).append(item)
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = kept
    # The browser tests come last: once a worker has started Playwright its thread runs an event loop, where
    # Django refuses database queries. Within each part the tests that run whole in one worker (an
    # xdist_group: a server, the visit of every page) come first, so that the other worker takes the single
    # tests meanwhile and neither is left with a long group at the end while the other idles (a minute of
    # the PostgreSQL run). The tests that use what the module builds once (`built_in_module`) run last in
    # their module, those that use the English translation of its strategy after them. Stable: the modules
    # keep their order otherwise, and the tests theirs.
    position = {}
    for item in items:
        position.setdefault(item.module, len(position))
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.get_closest_marker("xdist_group") is None,
            position[item.module],
            uses_module_build(item),
            "built_in_english" in item.fixturenames,
        )
    )


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


class ModuleStrategy:
    """What one test module builds once (`built_in_module`): the small strategy, its English translation, and
    the larger data a module names in `module_builds` ({fixture name: function that builds it}), each made
    in the module's transaction."""

    def __init__(self, builds):
        self.strategy = None
        self.in_english = False
        self.builds = builds
        self.made = {}

    def prepare_for(self, item, django_db_blocker):
        """What the test asks for, made now if it is not yet: between tests, outside any test's transaction."""
        from tests.factories import small_strategy, translate_strategy

        with django_db_blocker.unblock():
            if "built" in item.fixturenames and self.strategy is None:
                self.strategy = small_strategy()
            if "built_in_english" in item.fixturenames and not self.in_english:
                translate_strategy(self.strategy, "en")
                self.in_english = True
            for name, build in self.builds.items():
                if name in item.fixturenames and name not in self.made:
                    self.made[name] = build()


def module_builds(module):
    return getattr(module, "module_builds", {})


def uses_module_build(item):
    return "built" in item.fixturenames or any(name in item.fixturenames for name in module_builds(item.module))


running = {}  # "item": the test being set up, for a module fixture to know whom it is set up for


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    running["item"] = item
    state = getattr(item.module, "module_strategy", None)
    if state is not None:
        state.prepare_for(item, item.config.stash[blocking_manager_key])
    yield


@pytest.fixture(scope="module", autouse=True)
def built_in_module(request, django_db_blocker):
    """In a module whose tests build the small strategy (`built`), it is built once, in a transaction left
    open until the module's last test and then rolled back; each test runs in a savepoint within it and
    rolls back its own changes, as with Django's setUpTestData. Building it took 0.3 s, for some 250 tests,
    and its English translation (`built_in_english`) 0.7 s, for some 40.

    The tests that use it run last in their module, those that use the translation after them
    (pytest_collection_modifyitems); each is made before the first test that uses it, so no other test of
    the module sees it. Autouse, so that the transaction opens before any test's own (pytest-django opens
    that before the fixtures a test asks for)."""
    from django.db import transaction

    items = [item for item in request.session.items if item.module is request.module]
    if not any(uses_module_build(item) for item in items):
        yield None
        return
    # Only here: the browser tests' modules never touch the test database, and must not set it up under
    # Playwright's event loop, where Django refuses to.
    request.getfixturevalue("django_db_setup")
    if any("public_site" in item.fixturenames for item in items):
        # Rendered outside the transaction: it keeps its pages for the whole session.
        request.getfixturevalue("public_site")
    state = ModuleStrategy(module_builds(request.module))
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        # The module's first test here is set up after the hook above ran for it.
        state.prepare_for(running["item"], django_db_blocker)
        request.module.module_strategy = state
        yield state
    finally:
        del request.module.module_strategy
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def built(built_in_module, db):
    """A small Swedish strategy built for the test (tests/factories.py): tests assert on what they build,
    not on the shipped content, which only the content package's own tests pin. The module's build,
    read again: the test's own instances."""
    if built_in_module is None or built_in_module.strategy is None:
        # Asked for by name during a test (request.getfixturevalue): built in the test's own transaction.
        from tests.factories import small_strategy

        return small_strategy()
    return built_in_module.strategy.fetched()


@pytest.fixture
def built_in_english(built, built_in_module):
    """The built strategy with its contact and every chapter translated into English (once per module, as
    `built`; translating took 0.7 s)."""
    from tests.factories import translate_strategy

    if built_in_module is None or not built_in_module.in_english:
        translate_strategy(built, "en")
    return built
