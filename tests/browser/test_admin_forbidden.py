"""A translator in an English-speaking browser: refused in Swedish with a way back, and shown live titles."""

import json

import pytest

from .conftest import public_text as public

pytestmark = pytest.mark.browser

DRAFT = "Regionalt arbete, utkast som ingen har granskat"


def api(server, path):
    return json.loads(public(server, path))


def swedish_contact_id(server, name):
    for offset in (0, 20, 40):
        for item in api(server, f"/api/v3/contacts/?locale=sv&limit=20&offset={offset}")["items"]:
            if item["name"] == name:
                return item["id"]
    raise AssertionError(name)


def test_a_translator_is_refused_in_swedish_and_led_back_to_the_dashboard(server, login):
    translator = login("oversattare", locale="en-US")
    contact_id = swedish_contact_id(server, "Mikamottagningen")
    response = translator.goto(f"{server}/admin/snippets/snippets/contact/edit/{contact_id}/")
    assert response.status == 403
    text = translator.locator("main").inner_text()
    assert "Du får inte göra det här" in text and "Forbidden" not in text
    assert "Den svenska originaltexten redigeras av kommunikatörer" in text
    with translator.expect_navigation():
        translator.get_by_role("link", name="Tillbaka till översikten").click()
    assert translator.url == f"{server}/admin/"


def chooser_text(page, url):
    """What the page chooser's dialog shows: browsing answers JSON with the dialog's HTML, search the HTML."""
    page.goto(url)
    body = page.locator("body").inner_text()
    if body.startswith("{"):
        page.set_content(json.loads(body)["html"])
    return page.locator("body").inner_text()


def test_a_translator_sees_the_live_title_not_a_communicators_draft(server, login):
    swedish = api(server, "/api/v3/pages/?slug=regionalt-arbete&locale=sv")["items"][0]
    parent_id = api(server, f"/api/v3/pages/{swedish['id']}/breadcrumbs/")[-2]["id"]
    communicator = login("kommunikator", locale="en-US")
    communicator.goto(f"{server}/admin/pages/{swedish['id']}/edit/")
    communicator.locator("#id_title").fill(DRAFT)
    with communicator.expect_navigation():
        communicator.locator("footer").get_by_role("button", name="Spara utkast", exact=True).click()
    assert DRAFT in chooser_text(communicator, f"{server}/admin/choose-page/{parent_id}/")

    translator = login("oversattare", locale="en-US")
    for url in [f"{server}/admin/choose-page/{parent_id}/", f"{server}/admin/choose-page/search/?q=Regionalt"]:
        text = chooser_text(translator, url)
        assert "Regionalt arbete" in text and DRAFT not in text, url
