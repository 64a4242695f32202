"""A translated strategy document says which chapters it lacks, and can fill them in from the source."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def region_untranslated(built_in_english):
    """A Swedish sub-chapter whose English translation has been taken offline."""
    region = built_in_english.region
    region.get_translation(Locale.objects.get(language_code="en")).unpublish()
    return region


def walk(chapters, depth=0):
    for chapter in chapters:
        yield chapter, depth
        yield from walk(chapter["chapters"], depth + 1)


def test_the_document_lists_the_chapters_without_a_live_translation(api, strategy, region_untranslated):
    document = api(f"strategies/{strategy.pk}/?locale=en").json()
    assert document["untranslated"] == [
        {"id": region_untranslated.pk, "title": "Läget i regionen", "source_locale": "sv"}
    ]
    assert region_untranslated.pk not in [chapter["id"] for chapter, _depth in walk(document["chapters"])]
    assert {chapter["locale"] for chapter, _depth in walk(document["chapters"])} == {"en"}


def test_the_source_document_lacks_nothing(api, strategy, region_untranslated):
    document = api(f"strategies/{strategy.pk}/").json()
    assert document["untranslated"] == []
    assert {chapter["locale"] for chapter, _depth in walk(document["chapters"])} == {"sv"}


def test_fallback_puts_them_in_their_place_in_swedish(api, strategy, region_untranslated):
    swedish = api(f"strategies/{strategy.pk}/").json()
    plain = api(f"strategies/{strategy.pk}/?locale=en").json()
    filled = api(f"strategies/{strategy.pk}/?locale=en&fallback=sv").json()
    # The same tree as the source, place for place; only the untranslated chapter is Swedish.
    shape = [(depth, chapter["locale"]) for chapter, depth in walk(filled["chapters"])]
    assert [depth for depth, _locale in shape] == [depth for _chapter, depth in walk(swedish["chapters"])]
    swedish_ones = [chapter for chapter, _depth in walk(filled["chapters"]) if chapter["locale"] == "sv"]
    assert [(c["id"], c["title"]) for c in swedish_ones] == [(region_untranslated.pk, "Läget i regionen")]
    position = [c["id"] for c, _depth in walk(swedish["chapters"])].index(region_untranslated.pk)
    assert [c["id"] for c, _depth in walk(filled["chapters"])][position] == region_untranslated.pk
    # The Swedish chapter is the source itself: current and authoritative, whatever the translations say.
    assert swedish_ones[0]["translation"] == {
        "source_locale": "sv",
        "outdated": False,
        "reviewed": True,
        "reviewed_at": None,
    }
    assert filled["untranslated"] == plain["untranslated"]
    # The translated chapters say exactly what they say without the fallback.
    translated = {c["id"]: c["translation"] for c, _depth in walk(plain["chapters"])}
    assert {c["id"]: c["translation"] for c, _depth in walk(filled["chapters"]) if c["locale"] == "en"} == translated


def test_fallback_accepts_only_the_source_language(api, strategy, built_in_english):
    response = api(f"strategies/{strategy.pk}/?locale=en&fallback=fi")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"


def test_an_outdated_translation_still_says_so(api, built, region_untranslated):
    """Publishing a change to the source marks the English chapter outdated, with the fallback too."""
    strategy, changed = built.strategy, built.work
    changed.title = "Arbetssätt i samverkan"
    changed.save_revision().publish()
    english = changed.get_translation(Locale.objects.get(language_code="en"))
    for query in ("?locale=en", "?locale=en&fallback=sv"):
        document = api(f"strategies/{strategy.pk}/{query}").json()
        chapter = next(c for c, _depth in walk(document["chapters"]) if c["id"] == english.pk)
        assert chapter["translation"]["outdated"] is True, query
