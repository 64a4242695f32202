"""What a translator and an approver see of the admin rules, in a real browser."""

import json

import pytest

from .conftest import public_text as public

pytestmark = pytest.mark.browser

TEL_CHAPTER = "att-tanka-pa-i-motet-med-utsatta"


def finnish_contact_id(server, name):
    for offset in (0, 20):
        items = json.loads(public(server, f"/api/v3/contacts/?locale=fi&limit=20&offset={offset}"))["items"]
        for item in items:
            # Translated names keep the Swedish one in brackets: "Mika-vastaanotto (Mikamottagningen)".
            if name in (item["name"], item["name"].rpartition("(")[2].rstrip(")")):
                return item["id"]
    raise AssertionError(name)


def finnish_page_id(server, swedish_slug):
    swedish = json.loads(public(server, f"/api/v3/pages/?slug={swedish_slug}&locale=sv"))["items"][0]["id"]
    translations = json.loads(public(server, f"/api/v3/pages/{swedish}/translations/"))
    return next(link["id"] for link in translations if link["locale"] == "fi")


def translation_editor(page, url):
    page.goto(url)
    editor = page.locator(".js-translation-editor")
    # The React editor has rendered once the Swedish source texts are listed.
    editor.locator("li").first.wait_for()
    return editor


def test_a_translator_gets_no_override_of_the_phone_number(server, login):
    translator = login("oversattare")
    contact_id = finnish_contact_id(server, "Mikamottagningen")
    editor = translation_editor(translator, f"{server}/admin/snippets/snippets/contact/edit/{contact_id}/")
    text = editor.inner_text()
    assert "Prostituerade kan få samtalsstöd hos Mikamottagningen" in text
    assert "telefonnummer" not in text.lower()


def test_a_translator_gets_no_tel_link_override_and_no_convert_to_alias(server, login):
    translator = login("oversattare")
    page_id = finnish_page_id(server, TEL_CHAPTER)
    editor = translation_editor(translator, f"{server}/admin/pages/{page_id}/edit/")
    text = editor.inner_text()
    assert "https://www.skelleftea.se/orsanmalan" in text  # a web link may still point elsewhere
    assert "tel:+46910735000" not in text
    assert translator.locator('a[href*="convert_to_alias"]').count() == 0
    assert "alias" not in translator.locator("body").inner_text().lower()
    stop_synced = translator.locator('[data-w-action-url-value*="/disable/"]')  # administrators only
    assert stop_synced.count() == 1 and not stop_synced.is_visible()


@pytest.mark.parametrize(("username", "may_read"), [("granskare", True), ("kommunikator", False)])
def test_only_the_approver_reads_feedback_reports(server, login, username, may_read):
    user = login(username)
    response = user.goto(f"{server}/admin/forms/")
    assert response.status == (200 if may_read else 403)
    if may_read:
        assert user.locator('a[href^="/admin/forms/submissions/"]').count() == 4  # one per language
