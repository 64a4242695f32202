"""The help banner at the top of every page leads with 112 for danger, then the other help lines,
each saying who answers and when, in the page's language, in words communicators edit."""

import pytest

from pages.models import StrategyPage
from snippets.models import Contact
from tests.content import sv
from tests.site_text import read

pytestmark = pytest.mark.django_db

# What the shipped package (strategy.yaml and its PO files) makes the banner say, line by line.
EXPECTED = {
    "sv": ["Vid akut fara: ring 112", "Polisen, när det inte är akut: 114 14"],
    "en": ["In an emergency: call 112", "Police (Polisen), when it is not an emergency: 114 14"],
    "fi": ["Hätätilanteessa: soita 112", "Poliisi (Polisen), kun tilanne ei ole kiireellinen: 114 14"],
    "ar": ["في حالة الخطر الطارئ: اتصل بالرقم 112", "الشرطة (Polisen) لغير الطوارئ: 114 14"],
}


def banner_lines(client, path):
    html = client.get(path).content.decode()
    section = html.split('<aside class="emergency"', 1)[1].split("</aside>", 1)[0]
    return [" ".join(line.split()) for line in read("<aside" + section).text.split("\n") if line.strip()]


@pytest.mark.parametrize("code", list(EXPECTED))
def test_the_banner_leads_with_112_in_every_language(client, code):
    assert banner_lines(client, f"/{code}/") == EXPECTED[code]


def test_every_page_has_the_same_banner(client):
    assert banner_lines(client, sv(StrategyPage).live().first().url) == EXPECTED["sv"]
    assert banner_lines(client, "/ar/finns-inte/") == EXPECTED["ar"]


def test_the_banner_never_names_112_as_only_the_after_hours_social_services(client):
    text = " ".join(banner_lines(client, "/sv/"))
    assert "Socialberedskap" not in text and "Efter kontorstid" not in text


def test_communicators_change_the_words_in_the_admin_and_readers_see_them(client):
    emergency = sv(Contact).get(phone="112", in_emergency_banner=True)
    emergency.banner_label = "Är du i fara? Ring"
    emergency.save_revision().publish()
    assert banner_lines(client, "/sv/")[0] == "Är du i fara? Ring 112"


def test_a_flagged_contact_without_banner_words_shows_who_answers_and_when(client, built):
    contact = built.contact
    contact.in_emergency_banner = True
    contact.availability = "Vardagar 9-16"
    contact.save_revision().publish()
    assert "24-timmarslinjen \N{EN DASH} Vardagar 9-16: 020-61 60 60" in banner_lines(client, "/sv/")
    assert banner_lines(client, "/sv/")[0] == EXPECTED["sv"][0]


def test_the_banner_words_are_translated_not_synchronised():
    from wagtail_localize.models import TranslationSource

    emergency = sv(Contact).get(phone="112", in_emergency_banner=True)
    source = TranslationSource.objects.get_for_instance(emergency)
    assert "banner_label" in {entry.msgctxt for entry in source.export_po()}
