"""Site search: per language, live public content only, Swedish word forms, snippets lead to their pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from pages.models import ChapterPage
from pages.search import build_query, mention_names, swedish_variants
from pages.search_text import search_words
from snippets.models import Actor, Contact
from tests.factories import ChapterPageFactory, ContactFactory, publish
from tests.site_text import read

pytestmark = pytest.mark.django_db


def search(client, text, language="sv"):
    path = {"sv": "/sv/sok/", "en": "/en/search/", "fi": "/fi/haku/", "ar": "/ar/search/"}[language]
    return client.get(path, {"q": text})


def result_titles(response):
    html = response.content.decode()
    results = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0] if "search-results" in html else ""
    return [text for _href, text in read(results).links]


def all_result_titles(client, text):
    """The titles on every page of results."""
    titles, number = [], 1
    while True:
        response = client.get("/sv/sok/", {"q": text, "sida": number})
        titles += result_titles(response)
        if f"sida={number + 1}" not in response.content.decode():
            return titles
        number += 1


@pytest.fixture
def strategy(built):
    return built.strategy


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
    assert "Ett brott mot en människa" in all_result_titles(client, "människohandeln")


def test_every_word_must_match(client):
    assert result_titles(search(client, "polisen")) != []
    assert result_titles(search(client, "polisen xyzzyplugh")) == []


def test_a_contact_leads_to_the_page_that_shows_it(client, built):
    # A name of letters only: digits in a name are isolated and marked apart (<bdi>24</bdi>-...).
    contact = built.contact
    contact.name = "Stödlinjen"
    publish(contact)
    response = search(client, "Stödlinjen")
    assert "Var du får hjälp" in result_titles(response)
    assert 'Stödlinjen (<bdi dir="ltr">020-61 60 60</bdi>)' in response.content.decode()


def test_results_are_in_the_language_searched(client):
    english = result_titles(search(client, "police", "en"))
    assert english and "Appendix 2 Contact details" in english
    assert result_titles(search(client, "police", "sv")) == []


def test_drafts_private_pages_and_unpublished_snippets_are_never_found(client, built, strategy):
    draft = ChapterPageFactory(parent=strategy, title="Hemligt utkast zebrafink", live=False)
    draft.save_revision()
    private = ChapterPageFactory(parent=strategy, title="Skyddad sida zebrafink")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    below = ChapterPageFactory(parent=private, title="Under skyddad zebrafink")

    live = ChapterPageFactory(parent=strategy, title="Publik sida")
    changed = ChapterPage.objects.get(pk=live.pk)
    changed.title = "Opublicerad ändring zebrafink"
    changed.save_revision()

    contact = built.contact
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


def test_a_live_snippet_no_public_page_shows_is_never_found(client, strategy):
    """The public-snippet rule (docs/decisions/0011): published is not enough, a live public page must
    show the snippet. Nor does the page search of the API find them."""

    def contact(word):
        return ContactFactory(name=f"Kontakt {word}", description=f"Ring om {word}.")

    on_private = contact("tornfalk")
    private = ChapterPageFactory(parent=strategy, title="Intern sida", body=[("contacts", {"contacts": [on_private]})])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    in_draft = contact("lärkfalk")
    drafted = ChapterPage.objects.get(pk=ChapterPageFactory(parent=strategy, title="Sida med utkast").pk)
    drafted.body = [("contacts", {"contacts": [in_draft]})]
    drafted.save_revision()
    contact("stenfalk")  # chosen by no page
    shown = contact("aftonfalk")
    ChapterPageFactory(parent=strategy, title="Visar aftonfalk", body=[("contacts", {"contacts": [shown]})])

    # The same kind of contact is found when a public page shows it: the search does look at contacts.
    assert result_titles(search(client, "aftonfalk")) == ["Visar aftonfalk"]
    for word in ("tornfalk", "lärkfalk", "stenfalk"):
        response = search(client, word)
        assert response.status_code == 200 and result_titles(response) == [], word
        assert f"Kontakt {word}" not in response.content.decode()
        api = client.get("/api/v3/pages/", {"search": word})
        assert api.status_code == 200 and api.json()["items"] == [], word


def test_snippets_no_public_page_shows_cannot_crowd_out_one_that_is_shown(client, strategy):
    """Only the first matches of each kind are looked at; hidden snippets that match better must not
    take those places."""
    for number in range(101):
        ContactFactory(name=f"Kvastfening {number}", description="Kvastfening kvastfening kvastfening.")
    shown = ContactFactory(name="Jourtelefonen", description="Svarar dygnet runt, även om kvastfening.")
    ChapterPageFactory(parent=strategy, title="Jourer", body=[("contacts", {"contacts": [shown]})])
    assert result_titles(search(client, "kvastfening")) == ["Jourer"]


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


# What a reader sees of each result: the passage that matched, the query's words marked, the best answers first.


def result_items(response):
    """[(title, passage HTML, mentions text)] in the order shown."""
    html = response.content.decode()
    results = html.split('<ol class="search-results"', 1)[1].split("</ol>", 1)[0]
    items = []
    for item in results.split("<li>")[1:]:
        title = read(item).links[0][1]
        passage = re.search(r'<p class="search-results__passage">(.*?)</p>', item, re.S)
        mentions = re.search(r'<p class="search-results__matches">(.*?)</p>', item, re.S)
        items.append((title, passage.group(1) if passage else "", read(mentions.group(1)).text if mentions else ""))
    return items


def test_a_result_shows_the_passage_with_the_query_words_marked(client, strategy):
    ChapterPageFactory(
        parent=strategy,
        title="Om stödlinjer",
        body=[{"type": "rich_text", "value": "<p>Inledning. Arbetet mot kvinnofridsbrott i länet fortsätter.</p>"}],
    )
    [(title, passage, _mentions)] = result_items(search(client, "kvinnofridsbrottet"))
    assert title == "Om stödlinjer"
    assert passage == "Inledning. Arbetet mot <mark>kvinnofridsbrott</mark> i länet fortsätter."


def test_a_long_text_is_cut_to_the_passage_around_the_first_match(client, strategy):
    before, after = " ".join(["början"] * 60), " ".join(["slutet"] * 60)
    ChapterPageFactory(
        parent=strategy, title="Lång text", body=[{"type": "rich_text", "value": f"<p>{before} pilfink {after}</p>"}]
    )
    [(_title, passage, _mentions)] = result_items(search(client, "pilfink"))
    assert passage.startswith("…början") and passage.endswith("slutet…")
    assert "<mark>pilfink</mark>" in passage
    assert len(passage.split()) <= 31


def test_neither_the_query_nor_the_content_can_add_markup(client, strategy):
    ChapterPageFactory(
        parent=strategy,
        title="Om skript",
        body=[
            {
                "type": "rich_text",
                "value": "<p>Texten &lt;script&gt;alert(1)&lt;/script&gt; och zebrafink &amp; mer.</p>",
            }
        ],
    )
    response = search(client, '<script>zebrafink</script> "><img src=x onerror=alert(1)>')
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html and "<img src=x" not in html
    # PostgreSQL's parser reads "<script>" as a tag and indexes no word of it, so the word searched is the bird.
    [(_title, passage, _mentions)] = result_items(search(client, "zebrafink"))
    assert passage == "Texten &lt;script&gt;alert(1)&lt;/script&gt; och <mark>zebrafink</mark> &amp; mer."


def test_a_title_with_the_words_ranks_above_pages_that_mention_them_often(client, strategy):
    for index in range(5):
        ChapterPageFactory(
            parent=strategy,
            title=f"Om fåglar {index}",
            body=[{"type": "rich_text", "value": "<p>" + "Pilfink och pilfinkar. " * 10 + "</p>"}],
        )
    ChapterPageFactory(parent=strategy, title="Pilfink", body=[{"type": "rich_text", "value": "<p>En fågel.</p>"}])
    assert result_titles(search(client, "pilfink"))[0] == "Pilfink"


def test_a_page_showing_a_matching_definition_or_contact_ranks_above_passing_mentions(client, strategy):
    for index in range(5):
        ChapterPageFactory(
            parent=strategy,
            title=f"Om fåglar {index}",
            body=[{"type": "rich_text", "value": "<p>" + "Stenknäck, stenknäck. " * 10 + "</p>"}],
        )
    contact = ContactFactory(name="Stenknäck", live=True, locale=Locale.objects.get(language_code="sv"))
    ChapterPageFactory(
        parent=strategy, title="Att ringa", body=[{"type": "contacts", "value": {"contacts": [contact.pk]}}]
    )
    titles = result_titles(search(client, "stenknäck"))
    assert titles[0] == "Att ringa"
    assert len(titles) == 6


def test_människohandel_puts_the_definitions_and_the_contacts_on_the_first_page(client):
    titles = result_titles(search(client, "människohandel"))
    assert len(titles) == 10  # a first page of results, more on the next
    assert "Beskrivning av begrepp" in titles
    assert "Bilaga 2 Kontaktuppgifter" in titles
    assert titles.index("Beskrivning av begrepp") < titles.index("Samverkan")


@pytest.mark.parametrize("word", ["hjälp", "stöd", "Hjälp"])
def test_help_and_support_find_the_contacts(client, word):
    titles = result_titles(search(client, word))
    assert "Bilaga 2 Kontaktuppgifter" in titles[:3]


@pytest.mark.parametrize(
    ("language", "word", "title"),
    [
        ("en", "help", "Appendix 2 Contact details"),
        ("fi", "apu", "Liite 2 Yhteystiedot"),
        ("ar", "مساعدة", "الملحق 2 بيانات الاتصال"),
    ],
)
def test_help_finds_the_contacts_in_every_language(client, language, word, title):
    assert title in result_titles(search(client, word, language))[:3]


def test_the_mentions_line_never_repeats_a_name(client):
    for word in ("skellefteå", "socialkontoret", "människohandel", "polisen", "hjälp"):
        for title, _passage, mentions in result_items(search(client, word)):
            names = [
                name.split(" (", 1)[0] for name in re.split(r", (?![^()]*\))", mentions.removeprefix("Nämner:").strip())
            ]
            assert len(names) == len(set(names)), (word, title, mentions)
    aktorer = {title: mentions for title, _p, mentions in result_items(search(client, "skellefteå"))}["Aktörer"]
    assert aktorer.count("Skellefteå kommun") == 1


def test_a_long_mentions_line_is_cut_with_a_count(client):
    [contacts] = [m for title, _p, m in result_items(search(client, "hjälp")) if title == "Bilaga 2 Kontaktuppgifter"]
    assert re.search(r"och \d+ till$", contacts), contacts


def test_numbers_in_passages_and_mentions_read_left_to_right_in_arabic(client):
    [contacts] = [item for item in result_items(search(client, "الشرطة", "ar")) if item[0] == "الملحق 2 بيانات الاتصال"]
    _title, passage, _mentions = contacts
    assert '<bdi dir="ltr">114 14</bdi>' in passage
    html = search(client, "الشرطة", "ar").content.decode()
    assert '(<bdi dir="ltr">114 14</bdi>)' in html.split('class="search-results__matches"', 1)[1]


def test_a_unit_of_an_unpublished_organisation_is_named_alone_in_the_mentions():
    published = Actor(pk=10**6, name="Skellefteå kommun", live=True)
    unpublished = Actor(pk=10**6 + 1, name="Nämnd som inte är beslutad", live=False)
    units = [Actor(name="Socialkontoret", parent=published), Actor(name="Ny enhet", parent=unpublished)]
    assert mention_names(units) == ["Ny enhet", "Skellefteå kommun (Socialkontoret)"]
