"""Site search: per language, live public content only, Swedish word forms, snippets lead to their pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from cms.search_text import search_words
from pages.models import ChapterPage, StrategyPage
from pages.search import build_query, swedish_variants
from snippets.models import Contact
from tests.content import sv
from tests.factories import ChapterPageFactory
from tests.site_text import read

pytestmark = pytest.mark.django_db


def search(client, text, language="sv"):
    path = {"sv": "/sv/sok/", "en": "/en/search/", "fi": "/fi/haku/", "ar": "/ar/search/"}[language]
    return client.get(path, {"q": text})


def result_titles(response):
    html = response.content.decode()
    results = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0] if "search-results" in html else ""
    return [text for _href, text in read(results).links]


@pytest.fixture
def strategy():
    return sv(StrategyPage).get()


def test_a_definite_form_finds_the_page_that_only_uses_the_indefinite_one(client, strategy):
    ChapterPageFactory(
        parent=strategy,
        title="Om stödlinjer",
        body=[{"type": "rich_text", "value": "<p>Arbetet mot kvinnofridsbrott i länet.</p>"}],
    )
    assert "Om stödlinjer" in result_titles(search(client, "kvinnofridsbrottet"))
    assert "Om stödlinjer" in result_titles(search(client, "Kvinnofridsbrott"))


def test_människohandeln_finds_a_page_about_människohandel(client, strategy):
    ChapterPageFactory(
        parent=strategy,
        title="Ett brott mot en människa",
        body=[{"type": "rich_text", "value": "<p>Människohandel är ett allvarligt brott.</p>"}],
    )
    assert "Ett brott mot en människa" in result_titles(search(client, "människohandeln"))


def test_every_word_must_match(client):
    assert result_titles(search(client, "polisen")) != []
    assert result_titles(search(client, "polisen xyzzyplugh")) == []


def test_a_contact_leads_to_the_page_that_shows_it(client):
    response = search(client, "Mikamottagningen")
    assert "Bilaga 2 Kontaktuppgifter" in result_titles(response)
    assert "Mikamottagningen (020-61 60 60)" in response.content.decode()


def test_results_are_in_the_language_searched(client):
    english = result_titles(search(client, "police", "en"))
    assert english and "Appendix 2 Contact details" in english
    assert result_titles(search(client, "police", "sv")) == []


def test_drafts_private_pages_and_unpublished_snippets_are_never_found(client, strategy):
    draft = ChapterPageFactory(parent=strategy, title="Hemligt utkast zebrafink", live=False)
    draft.save_revision()
    private = ChapterPageFactory(parent=strategy, title="Skyddad sida zebrafink")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    below = ChapterPageFactory(parent=private, title="Under skyddad zebrafink")

    live = ChapterPageFactory(parent=strategy, title="Publik sida")
    changed = ChapterPage.objects.get(pk=live.pk)
    changed.title = "Opublicerad ändring zebrafink"
    changed.save_revision()

    contact = sv(Contact).get(name="KAST")
    contact.description = "zebrafink i utkast"
    contact.save_revision()
    unpublished = Contact.objects.create(
        name="Opublicerad zebrafink", category="clinic", live=False, locale=Locale.objects.get(language_code="sv")
    )
    ChapterPageFactory(
        parent=strategy,
        title="Visar kontakten",
        body=[{"type": "contacts", "value": {"contacts": [unpublished.pk]}}],
    )

    response = search(client, "zebrafink")
    assert response.status_code == 200
    assert result_titles(response) == []
    html = response.content.decode()
    for secret in ("Hemligt utkast", "Skyddad sida", "Under skyddad", "Opublicerad", below.title):
        assert secret not in html


def test_an_overlong_query_gets_a_translated_400_not_a_search(client):
    response = search(client, "människohandel " * 700)
    assert response.status_code == 400
    assert "Sök på högst 200 tecken." in response.content.decode()
    assert result_titles(response) == []


def test_an_empty_query_shows_the_form(client):
    response = search(client, "   ")
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()


# What people type, paste or try: query-language syntax of SQLite FTS5 and PostgreSQL tsquery,
# unbalanced quotes, lone combining marks, right-to-left overrides, emoji, and a 10,000-character paste.
HOSTILE = [
    '"',
    "'",
    '"polisen',
    "*",
    "polis*",
    "()",
    "(polisen",
    "OR",
    "polisen OR",
    "AND NOT",
    "-",
    "-polisen",
    "NEAR(polisen stöd)",
    "polisen:*",
    "!polisen & | <->",
    "^",
    "a:b",
    "{}[]\\",
    "\u0301",
    "\u202epolisen",
    "\U0001f600",
    "الشُّرطة",
    "ÄÅÖ ihmiskauppa",
    "%_",
    "polisen " * 30,
    "x" * 10_000,
    '"' * 10_000,
]


@pytest.mark.parametrize("language", ["sv", "en", "fi", "ar"])
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_no_query_is_a_server_error(client, language, text):
    response = search(client, text, language)
    assert response.status_code in (200, 400), response.status_code
    assert 'id="search-q"' in response.content.decode()


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_no_api_search_is_a_server_error(client, text):
    response = client.get("/api/v3/pages/", {"search": text})
    assert response.status_code in (200, 400), response.status_code


def test_a_quoted_word_is_found_like_the_word(client):
    assert result_titles(search(client, '"polisen"')) == result_titles(search(client, "polisen")) != []
    quoted = client.get("/api/v3/pages/", {"search": '"polisen'}).json()["items"]
    assert quoted and quoted == client.get("/api/v3/pages/", {"search": "polisen"}).json()["items"]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sv", "Skriv ett eller flera ord att söka efter."),
        ("en", "Type one or more words to search for."),
        ("fi", "Kirjoita yksi tai useampi hakusana."),
        ("ar", "اكتب كلمة واحدة أو أكثر للبحث عنها."),
    ],
)
def test_a_query_without_words_says_so_in_the_readers_language(client, language, message):
    response = search(client, '" * ()', language)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_only_words_reach_the_backend():
    assert search_words('"polisen" OR (stöd)*') == ["polisen", "OR", "stöd"]
    assert search_words("الشُّرطة") == ["الشُّرطة"]  # the vowel signs stay in their word
    assert search_words("\u0301 \U0001f600 -") == []
    assert len(search_words("ord " * 50)) == 10


def test_the_query_count_does_not_grow_with_the_number_of_matches(client, strategy):
    def queries(text):
        search(client, text)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            search(client, text)
        return len(captured)

    for index in range(30):
        ChapterPageFactory(parent=strategy, title=f"Kapitel om kvastfening {index}")
    ChapterPageFactory(parent=strategy, title="Kapitel om pilfink")
    assert queries("kvastfening") == queries("pilfink")


def test_the_swedish_variants_cover_definite_endings():
    assert swedish_variants("människohandeln") == ["människohandeln", "människohandel"]
    assert swedish_variants("stödet") == ["stödet", "stöd"]
    assert swedish_variants("hus") == ["hus"]
    assert build_query("") is None


@pytest.mark.postgresql
def test_on_postgresql_the_swedish_stemmer_joins_plural_and_definite_forms(client, strategy):
    ChapterPageFactory(
        parent=strategy,
        title="Om sexköpare",
        body=[{"type": "rich_text", "value": "<p>Insatser riktade mot sexköpare.</p>"}],
    )
    assert "Om sexköpare" in result_titles(search(client, "sexköparna"))


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["!polisen", "polisen:*", "polisen & |", "polisen <-> (", "'polisen'", "polisen\\"])
def test_on_postgresql_tsquery_syntax_is_read_as_words(client, text):
    assert "Bilaga 2 Kontaktuppgifter" in result_titles(search(client, text))
    assert client.get("/api/v3/pages/", {"search": text}).json()["count"] > 0


@pytest.mark.postgresql
def test_on_postgresql_a_query_of_stop_words_finds_nothing_without_failing(client):
    response = search(client, "och att det")
    assert response.status_code == 200
    assert result_titles(response) == []
