"""The shipped translations keep to the termbase, and the safety texts tell a reader what to say on the phone."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.html import strip_tags
from wagtail.models import Locale

from pages.content_package.termbase import check_catalogue, check_entry, check_po, load_termbase
from pages.content_package.translations import read_po
from pages.models import ChapterPage, HomePage
from tests.content import sv

LANGUAGES = ["en", "fi", "ar"]
INTERFACE = Path(settings.BASE_DIR) / "locale"


def interface_catalogue(language):
    return polib.pofile(str(INTERFACE / language / "LC_MESSAGES" / "django.po"))


NUMBER = re.compile(r"\d+(?:[ -]\d+)*")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translated_segment_uses_the_agreed_terms(language):
    problems = [(ctx, issues) for ctx, _msgid, _msgstr, issues in check_po(read_po(language), language)]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_interface_names_things_as_the_content_does(language):
    """A label such as "Indikationer på utsatthet" reads as the chapter of that name, in every language."""
    problems = list(check_catalogue(interface_catalogue("sv"), interface_catalogue(language), language))
    assert problems == []


def test_the_interface_check_catches_a_label_that_differs_from_the_chapter():
    swedish = polib.POFile()
    swedish.append(polib.POEntry(msgid="Indicators of vulnerability", msgstr="Indikationer på utsatthet"))
    swedish.append(polib.POEntry(msgid="Who answers, e.g. “Polisen”.", msgstr="Vem som svarar, t.ex. ”Polisen”."))
    finnish = polib.POFile()
    finnish.append(polib.POEntry(msgid="Indicators of vulnerability", msgstr="Haavoittuvuuden merkit"))
    # A quoted example of Swedish input stays Swedish: it is what the editor types.
    finnish.append(polib.POEntry(msgid="Who answers, e.g. “Polisen”.", msgstr="Kuka vastaa, esim. ”Polisen”."))
    ((msgid, _sv, _fi, problems),) = check_catalogue(swedish, finnish, "fi")
    assert msgid == "Indicators of vulnerability"
    assert any("merkkejä uhriksi joutumisesta" in problem for problem in problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_reach_the_translation_unchanged(language):
    changed = [
        (entry.msgctxt, number)
        for entry in read_po(language)
        if entry.msgstr
        for number in NUMBER.findall(entry.msgid)
        if number not in entry.msgstr
    ]
    assert changed == []


@pytest.mark.parametrize(
    ("language", "msgid", "msgstr", "complaint"),
    [
        ("fi", "Migrationsverket har en viktig roll", "Migrationsverketillä on tärkeä rooli", "case ending"),
        ("fi", "hos Mikamottagningen", "Mikamottagningenista", "case ending"),
        ("fi", "Socialtjänst", "Sosiaalipalvelut", "sosiaalitoimi"),
        ("fi", "Skola, förskola", "Koulu, varhaiskasvatus", "esikoulu"),
        ("ar", "samtyckeslagen ges", "قانون الموافقة", "قانون الموافقة الجنسية"),
        ("ar", "Polisen", "Polisen", "الشرطة (Polisen)"),
        ("en", "Polisen", "Polisen", "Police (Polisen)"),
        ("en", "Utanför kontorstid kontaktas 112, begär social beredskap.", "Outside office hours, call 112.", "say"),
        (
            "en",
            "Utanför kontorstid kontaktas 112, begär social beredskap.",
            "Call 112 and ask for the social emergency service (social beredskap).",
            "social services on-call team",
        ),
        ("ar", "Migrationsverket", "مصلحة الهجرة", "(Migrationsverket)"),
        ("ar", "enligt Migrationsverket", "Migrationsverket مصلحة الهجرة (Migrationsverket)", "outside brackets"),
    ],
)
def test_the_check_catches_what_a_reviewer_would(language, msgid, msgstr, complaint):
    problems = check_entry(load_termbase(), language, "x|text", msgid, msgstr)
    assert any(complaint in problem for problem in problems), problems


def test_every_term_has_a_rendering_in_every_language():
    for term in load_termbase()["terms"]:
        for language in LANGUAGES:
            assert term[language]["term"], (term["sv"], language)


def page_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", strip_tags(response.content.decode()).replace("&quot;", '"'))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", ['call 112 and ask for the social services on-call team (say in Swedish: "social beredskap")']),
        ("fi", ['soita numeroon 112 ja pyydä sosiaalipäivystystä (sano ruotsiksi: "social beredskap")']),
        ("ar", ['اتصل بالرقم 112 واطلب المناوبة الاجتماعية (قل بالسويدية: "social beredskap")']),
    ],
)
def test_a_reader_learns_whom_to_ask_for_when_calling_112(client, language, says):
    locale = Locale.objects.get(language_code=language)
    chapter = sv(ChapterPage).get(slug="att-tanka-pa-i-motet-med-utsatta").get_translation(locale)
    text = page_text(client, chapter)
    for words in says:
        assert words in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "emergency", "police"),
    [
        ("en", "In an emergency: call", "Police (Polisen)"),
        ("fi", "Hätätilanteessa: soita", "Poliisi (Polisen)"),
        ("ar", "في حالة الخطر الطارئ: اتصل بالرقم", "الشرطة (Polisen)"),
    ],
)
def test_the_emergency_banner_names_the_services_as_the_body_does(client, language, emergency, police):
    # The banner leads with 112 in the reader's words; the police line is the first mention of
    # Polisen on every page, so it carries the agreed name with the Swedish one in brackets.
    home = sv(HomePage).get().get_translation(Locale.objects.get(language_code=language))
    banner = re.search(r'<aside class="emergency".*?</aside>', client.get(home.url).content.decode(), re.S).group(0)
    lines = [" ".join(strip_tags(line).split()) for line in re.findall(r"<li.*?</li>", banner, re.S)]
    assert lines[0] == f"{emergency} 112"
    assert any(line.startswith(police) and line.endswith("114 14") for line in lines), lines
