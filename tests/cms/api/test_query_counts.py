"""Queries per request do not grow with the items or chapters returned (cold cache each time)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pages.models
from cms.translation_review import record_review
from pages.models import HomePage
from tests.content import sv
from tests.factories import ChapterPageFactory, ContactFactory, StrategyPageFactory, publish, refetched, translate
from tests.pages.test_query_counts import body_with

pytestmark = pytest.mark.django_db


def queries(api, path):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = api(path)
    assert response.status_code == 200, path
    return len(captured)


def build_small_and_large():
    home = sv(HomePage).get()
    small = StrategyPageFactory(parent=home)
    ChapterPageFactory(parent=small, body=body_with(1))
    large = StrategyPageFactory(parent=home)
    for _ in range(15):
        chapter = ChapterPageFactory(parent=large, body=body_with(100))
        ChapterPageFactory(parent=chapter, body=body_with(100))
    return small, large


def build_translated_small_and_large():
    return (
        translated_strategy(chapters=1, contacts=1, untranslated=1),
        translated_strategy(chapters=12, contacts=8, untranslated=30),
    )


# Built once for the module's tests that ask for them (tests/conftest.py, `built_in_module`): 31 pages of
# 100 blocks took 1.7 s a test, the two translated strategies 3 s.
module_builds = {
    "small_and_large": build_small_and_large,
    "translated_small_and_large": build_translated_small_and_large,
}


@pytest.fixture
def small_and_large(built_in_module, db):
    """A strategy of one chapter and one of 30 chapters, each of 100 blocks; the test's own instances."""
    return [refetched(page) for page in built_in_module.made["small_and_large"]]


@pytest.mark.parametrize(
    "path",
    [
        "strategies/{id}/",
        "strategies/{id}/?fallback=sv",
        "pages/{id}/breadcrumbs/",
        "pages/{id}/translations/",
        "pages/{id}/?expand=translations,breadcrumbs,navigation",
    ],
)
def test_strategy_endpoints(api, small_and_large, path):
    small, large = small_and_large
    queries(api, path.format(id=small.pk))  # warm per-process caches (content types, site root paths)
    assert queries(api, path.format(id=large.pk)) == queries(api, path.format(id=small.pk))


@pytest.mark.parametrize("path", ["navigation/?depth=5", "strategies/", "pages/?limit=20"])
def test_tree_endpoints_before_and_after_the_tree_grows(api, path):
    queries(api, path)
    before = queries(api, path)
    home = sv(HomePage).get()
    for _ in range(3):
        strategy = StrategyPageFactory(parent=home)
        for _ in range(10):
            ChapterPageFactory(parent=ChapterPageFactory(parent=strategy))
    assert queries(api, path) == before


@pytest.mark.parametrize("collection", ["contacts", "actors", "indicators", "concepts", "goals", "resources"])
def test_snippet_lists(api, collection):
    queries(api, f"{collection}/?limit=1")
    assert queries(api, f"{collection}/?limit=20") == queries(api, f"{collection}/?limit=1")
    assert queries(api, f"{collection}/?limit=20&fields=id") == queries(api, f"{collection}/?limit=1&fields=id")


def test_page_detail_expanded(api, small_and_large):
    small, large = small_and_large
    small_chapter, large_chapter = small.get_children().first(), large.get_children().first()
    path = "pages/{}/?expand=translations,breadcrumbs,navigation"
    queries(api, path.format(small_chapter.pk))
    assert queries(api, path.format(large_chapter.pk)) == queries(api, path.format(small_chapter.pk))


def test_page_detail(api, small_and_large):
    small, large = small_and_large
    small_chapter, large_chapter = small.get_children().first(), large.get_children().first()
    queries(api, f"pages/{small_chapter.pk}/")
    assert queries(api, f"pages/{large_chapter.pk}/") == queries(api, f"pages/{small_chapter.pk}/")


@pytest.mark.parametrize(
    "page_type", ["HomePage", "StrategyPage", "ChapterPage", "SafetyAdvicePage", "AccessibilityStatementPage"]
)
def test_page_detail_reads_the_language_with_the_page(api, page_type):
    # Every page type's manager joins the locale when Wagtail fetches the specific page.
    page = sv(getattr(pages.models, page_type)).live().first()
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = api(f"pages/{page.pk}/")
    assert response.json()["meta"]["locale"] == "sv"
    alone = [query for query in captured if query["sql"].startswith('SELECT "wagtailcore_locale"')]
    assert alone == []


def test_what_chapters_choose_of_the_listed_snippets_costs_the_document_no_query(api):
    """The document lists every concept and goal, and the actor matrix every actor: chapters that choose
    some of them are served from those lists rather than fetching the same rows again."""
    home = sv(HomePage).get()
    matrix = {"type": "actor_matrix", "value": {"caption": "Aktiviteter"}}
    listing = StrategyPageFactory(parent=home)
    ChapterPageFactory(parent=listing, body=[matrix])
    choosing = StrategyPageFactory(parent=home)
    chosen = [block for block in body_with(3) if block["type"] in ("concept", "goal", "actor_role", "actor_matrix")]
    assert {block["type"] for block in chosen} == {"concept", "goal", "actor_role", "actor_matrix"}
    ChapterPageFactory(parent=choosing, body=chosen)
    document = "strategies/{}/"
    queries(api, document.format(listing.pk))
    assert queries(api, document.format(choosing.pk)) == queries(api, document.format(listing.pk))
    shown = api(document.format(choosing.pk)).json()["chapters"][0]["body"]
    assert [block["type"] for block in shown] == [block["type"] for block in chosen]


def translated_strategy(chapters, contacts, untranslated):
    """A Swedish strategy and its English translation: `chapters` chapters (every other one a sub-chapter)
    that each choose `contacts` contacts, all translated, the contacts too, and one chapter left in Swedish
    that shows `untranslated` of each snippet kind."""
    home = sv(HomePage).get()
    strategy = publish(StrategyPageFactory(parent=home))
    chosen = [publish(ContactFactory(name=f"Kontakt {index}")) for index in range(contacts)]
    body = [("contacts", {"contacts": chosen}), ("rich_text", "<p>Text.</p>")]
    made = []
    for index in range(chapters):
        parent = made[-1] if index % 2 else strategy
        made.append(publish(ChapterPageFactory(parent=parent, body=body)))
    for obj in [*chosen, strategy, *made]:
        translate(obj, "en")
    publish(ChapterPageFactory(parent=strategy, body=body_with(untranslated)))
    return strategy, made


@pytest.fixture
def translated_small_and_large(built_in_module, db):
    """Two strategies translated into English, with 1 and 12 chapters (translated_strategy); the test's own
    instances: (strategy, [chapters]) each."""
    return [
        (refetched(strategy), [refetched(chapter) for chapter in chapters])
        for strategy, chapters in built_in_module.made["translated_small_and_large"]
    ]


@pytest.mark.parametrize("path", ["strategies/{id}/?locale=en", "strategies/{id}/?locale=en&fallback=sv"])
def test_a_translated_document_costs_the_same_queries_with_few_or_many_chapters(api, translated_small_and_large, path):
    """In a translation the document also reads the source's chapters and each chapter's translation status:
    neither costs a query per chapter, nor do chapters left untranslated, outdated or reviewed."""
    (small, _chapters), (large, chapters) = translated_small_and_large
    # A source chapter published again (its translation is outdated), and a reviewed translation.
    publish(chapters[0])
    english = type(chapters[2]).objects.get(translation_key=chapters[2].translation_key, locale__language_code="en")
    record_review(english, "Granskare", None)
    statuses = [chapter["translation"] for chapter in api(path.format(id=large.pk)).json()["chapters"]]
    assert any(status["outdated"] for status in statuses)
    assert any(status["reviewed_at"] for status in statuses)
    queries(api, path.format(id=small.pk))
    assert queries(api, path.format(id=large.pk)) == queries(api, path.format(id=small.pk))
