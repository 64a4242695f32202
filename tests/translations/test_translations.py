import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import Translation, TranslationSource

from pages.models import ChapterPage, HomePage, StrategyPage
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource
from tests.content import sv

pytestmark = pytest.mark.django_db

TRANSLATED = [HomePage, ChapterPage, Actor, Concept, Contact, Goal, IndicatorCategory, Resource]


def translation_of(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


@pytest.mark.parametrize("code", ["en", "fi", "ar"])
def test_every_live_swedish_page_and_snippet_has_a_live_translation(code):
    for model in TRANSLATED:
        for obj in sv(model).filter(live=True):
            translated = translation_of(obj, code)
            assert translated.live, (model.__name__, obj)
            assert not translated.has_unpublished_changes


def test_texts_are_translated_and_numbers_and_links_are_synchronised():
    contact = sv(Contact).get(name="Mikamottagningen")
    english = translation_of(contact, "en")
    assert english.description != contact.description
    assert (english.phone, english.phone_dialable, english.url, english.category) == (
        contact.phone,
        contact.phone_dialable,
        contact.url,
        contact.category,
    )
    strategy = sv(StrategyPage).get()
    english_strategy = translation_of(strategy, "en")
    assert (english_strategy.decision_body, english_strategy.decision_paragraph, english_strategy.decision_date) == (
        strategy.decision_body,
        strategy.decision_paragraph,
        strategy.decision_date,
    )
    assert english_strategy.follow_up_cadence != strategy.follow_up_cadence
    source = TranslationSource.objects.get_for_instance(contact)
    translatable = {entry.msgctxt for entry in source.export_po()}
    assert "description" in translatable
    assert not {"phone", "url", "category"} & translatable


def test_a_changed_number_reaches_every_translation_when_synced():
    contact = sv(Contact).get(name="Mikamottagningen")
    contact.phone = "020-61 60 61"
    contact.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(contact)
    for translation in Translation.objects.filter(source=source):
        translation.save_target(publish=True)
    for code in ["en", "fi", "ar"]:
        assert translation_of(contact, code).phone_dialable == "+4620616061"


def test_a_po_round_trip_reaches_the_page_and_the_api(client):
    norrland = sv(ChapterPage).get(slug="norrland")
    english = translation_of(norrland, "en")
    translation = Translation.objects.get(source__object_id=norrland.translation_key, target_locale=english.locale)
    po = translation.export_po()
    entry = next(e for e in po if e.msgctxt == "title")
    entry.msgstr = "Norrland, the northern half of Sweden"
    translation.import_po(polib.pofile(str(po)))
    translation.save_target(publish=True)

    english.refresh_from_db()
    assert english.title == "Norrland, the northern half of Sweden"
    assert "Norrland, the northern half of Sweden" in client.get(english.url).content.decode()
    assert client.get(f"/api/v3/pages/{english.pk}/").json()["title"] == "Norrland, the northern half of Sweden"


def test_the_api_returns_the_requested_translation(client):
    strategy = sv(HomePage).get().get_children().first().specific
    document = client.get(f"/api/v3/strategies/{strategy.pk}/?locale=fi").json()
    assert document["locale"] == "fi"
    assert document["title"].startswith("Strategia")
    assert document["chapters"][0]["url"].startswith("http") and "/fi/" in document["chapters"][0]["url"]
    contact = sv(Contact).get(name="Mikamottagningen")
    assert client.get(f"/api/v3/contacts/{contact.pk}/?locale=ar").json()["locale"] == "ar"
    listing = client.get("/api/v3/indicators/?locale=en").json()["items"]
    assert listing[0]["name"] == "Human trafficking"


def test_a_missing_translation_is_a_404_listing_the_locales_that_exist(client):
    contact = sv(Contact).get(name="Mikamottagningen")
    translation_of(contact, "fi").unpublish()
    response = client.get(f"/api/v3/contacts/{contact.pk}/?locale=fi")
    assert response.status_code == 404
    assert response.json()["available_locales"] == ["ar", "en", "sv"]


def test_an_outdated_translation_is_visible_until_synced(client, admin_client, django_capture_on_commit_callbacks):
    norrland = sv(ChapterPage).get(slug="norrland")
    english = translation_of(norrland, "en")
    strategy_en = StrategyPage.objects.ancestor_of(english).get()
    assert client.get(f"/api/v3/pages/{english.pk}/").json()["translation"]["outdated"] is False

    norrland.title = "Norrland och kusten"
    norrland.save_revision().publish()

    assert client.get(f"/api/v3/pages/{english.pk}/").json()["translation"] == {
        "source_locale": "sv",
        "outdated": True,
        "reviewed": False,
        "reviewed_at": None,
    }
    document = client.get(f"/api/v3/strategies/{strategy_en.pk}/?locale=en").json()

    def flatten(chapters):
        for chapter in chapters:
            yield chapter
            yield from flatten(chapter["chapters"])

    outdated = {c["title"] for c in flatten(document["chapters"]) if c["translation"]["outdated"]}
    assert outdated == {english.title}
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert english.title in dashboard

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        source, _ = TranslationSource.update_or_create_from_instance(norrland)
        Translation.objects.get(source=source, target_locale=english.locale).save_target(publish=True)
    assert client.get(f"/api/v3/pages/{english.pk}/").json()["translation"]["outdated"] is False
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[english.pk]) not in dashboard
    # Syncing the source for English does not bring the Finnish page up to date.
    finnish = translation_of(norrland, "fi")
    assert reverse("wagtailadmin_pages:edit", args=[finnish.pk]) in dashboard
    assert client.get(f"/api/v3/pages/{finnish.pk}/").json()["translation"]["outdated"] is True


def test_a_translator_edits_translations_but_not_the_swedish_source(client, django_user_model):
    translators = Group.objects.create(name="Test translators")
    translators.permissions.add(Permission.objects.get(codename="access_admin"))
    for code in ["en", "fi", "ar"]:
        root = sv(HomePage).get().get_translation(Locale.objects.get(language_code=code))
        for permission in ["add_page", "change_page"]:
            GroupPagePermission.objects.create(
                group=translators, page=root, permission=Permission.objects.get(codename=permission)
            )
    translator = django_user_model.objects.create_user("translator", password="pw")
    translator.groups.add(translators)
    client.force_login(translator)

    norrland = sv(ChapterPage).get(slug="norrland")
    for code in ["en", "fi", "ar"]:
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[translation_of(norrland, code).pk]))
        assert edit.status_code == 200, code
    assert client.get(reverse("wagtailadmin_pages:edit", args=[norrland.pk])).status_code in (302, 403)


def test_every_page_lists_only_live_translations_as_alternates(client):
    norrland = sv(ChapterPage).get(slug="norrland")
    translation_of(norrland, "ar").unpublish()
    html = client.get(norrland.url).content.decode()
    alternates = set(re.findall(r'<link rel="alternate" hreflang="([a-z]+)"', html))
    assert alternates == {"sv", "en", "fi"}
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'lang="ar"' not in switcher
    assert ">suomi</a>" in switcher and ">English</a>" in switcher


def test_stylesheets_use_logical_properties_so_arabic_mirrors():
    css = (Path(settings.BASE_DIR) / "cms" / "static" / "css" / "site.css").read_text()
    physical = re.findall(
        r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b|(?<![\w-])(?:left|right)\s*:|text-align:\s*(?:left|right)",
        css,
    )
    assert physical == []


def test_arabic_pages_are_right_to_left(client):
    arabic_home = sv(HomePage).get().get_translation(Locale.objects.get(language_code="ar"))
    html = client.get(arabic_home.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
