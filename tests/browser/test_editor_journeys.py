"""Each editorial role does its everyday job in the admin as a person would, with a browser that asks for English.

Real clicks and real waits: the editor waits until Wagtail's header says the change was autosaved
before pressing a button, the way a person who pauses to think does.
"""

import json
import re
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, segment_saved, wait_for_autosave, wait_until_watching_edits
from .conftest import public_text as public

pytestmark = pytest.mark.browser


def api(server, path):
    return json.loads(public(server, path))


def find_page_id(server, slug, locale="sv"):
    return api(server, f"/api/v3/pages/?slug={slug}&locale={locale}")["items"][0]["id"]


def type_after_autosave_starts(page, selector, text):
    page.locator(selector).wait_for()
    wait_until_watching_edits(page)
    page.locator(selector).click()
    page.keyboard.press("End")
    page.keyboard.type(text)
    wait_for_autosave(page)


def choose_action(page, label):
    """The footer's primary button, or the action in the menu its arrow opens."""
    primary = page.locator("footer").get_by_role("button", name=label, exact=True)
    if not primary.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name=label, exact=True).click()


# The editor's guide (docs/redaktorsguide.md) shows these screens; `make guide` copies them into docs/guide/.
GUIDE = ROOT / "test-results" / "guide"


def shoot(page, name):
    GUIDE.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=GUIDE / f"{name}.png")


def messages(page):
    return page.locator(".messages").inner_text()


def test_communicator_submits_a_chapter_and_a_contact_after_autosave(server, login):
    communicator = login("kommunikator", locale="en-US")
    communicator.get_by_role("textbox", name="Sökterm").fill("Samverkan")
    communicator.keyboard.press("Enter")
    communicator.locator("tr", has=communicator.get_by_text("Svenska", exact=True)).get_by_role(
        "link", name="Samverkan", exact=True
    ).first.click()
    type_after_autosave_starts(communicator, "#id_title", " i Skellefteå")
    choose_action(communicator, "Lämna in till Granskning")
    assert "nyare version" not in messages(communicator)
    assert "har blivit inlämnad" in messages(communicator)
    shoot(communicator, "1-kommunikator-inlamnad")
    assert api(server, "/api/v3/pages/?slug=samverkan&locale=sv")["items"][0]["title"] == "Samverkan"

    communicator.goto(f"{server}/admin/snippets/snippets/contact/?locale=sv&q=PrevenTell")
    communicator.locator("table").get_by_role("link", name="PrevenTell", exact=True).first.click()
    type_after_autosave_starts(communicator, "#id_name", " (RFSU)")
    choose_action(communicator, "Lämna in till Granskning")
    assert "nyare version" not in messages(communicator)
    assert "PrevenTell (RFSU)" in communicator.locator("body").inner_text()

    communicator.goto(f"{server}/admin/")
    body = communicator.locator("body").inner_text()
    assert "Samverkan i Skellefteå" in body and "PrevenTell (RFSU)" in body

    # The approver asks for changes to the contact, with a comment, and publishes the chapter.
    approver = login("granskare", locale="en-US")
    queue = approver.locator("section", has=approver.get_by_role("heading", name="Inväntar din granskning"))
    contact_row = queue.locator("tr", has_text="PrevenTell (RFSU)")
    contact_row.locator("[data-w-dropdown-target=toggle]").first.click()
    contact_row.get_by_role("button", name="Begär ändringar").click()
    dialog = approver.get_by_role("dialog")
    dialog.locator("textarea").fill("Skriv RFSU:s fullständiga namn.")
    shoot(approver, "2-granskare-begar-andringar")
    with approver.expect_navigation():
        dialog.get_by_role("button", name="Begär ändringar").last.click()
    assert "Du begärde ändringar i 'PrevenTell (RFSU)" in messages(approver)
    assert "Kommunikator Test ser din kommentar på sin översikt" in messages(approver)
    chapter_row = queue.locator("tr", has_text="Samverkan i Skellefteå")
    chapter_row.locator("[data-w-dropdown-target=toggle]").first.click()
    with approver.expect_navigation():
        chapter_row.get_by_role("button", name="Godkänn", exact=True).click()
    assert "'Samverkan i Skellefteå' godkändes och publicerades." in messages(approver)
    assert api(server, "/api/v3/pages/?slug=samverkan&locale=sv")["items"][0]["title"] == "Samverkan i Skellefteå"

    # What was asked of the communicator leads their dashboard, in the approver's words.
    communicator.goto(f"{server}/admin/")
    asked = communicator.locator(
        "section", has=communicator.get_by_role("heading", name="Ändringar som begärts av dig")
    )
    assert "Skriv RFSU:s fullständiga namn." in asked.inner_text()
    assert "Granskare Test begärde ändringarna" in asked.inner_text()
    shoot(communicator, "3-kommunikator-begarda-andringar")
    # And the contact itself says it, above the form, when the communicator opens it to change it.
    with communicator.expect_navigation():
        asked.get_by_role("link", name="PrevenTell (RFSU)").first.click()
    assert "Granskare Test begärde ändringar: ”Skriv RFSU:s fullständiga namn.”" in messages(communicator)


def test_a_colleagues_save_in_between_is_caught_without_losing_the_text(server, login):
    page_id = find_page_id(server, "lokalt-arbete")
    communicator = login("kommunikator", locale="en-US")
    approver = login("granskare", locale="en-US")
    communicator.goto(f"{server}/admin/pages/{page_id}/edit/")
    approver.goto(f"{server}/admin/pages/{page_id}/edit/")
    wait_until_watching_edits(communicator)
    approver.locator("#id_title").fill("Lokalt arbete (granskaren)")
    with approver.expect_navigation():
        approver.locator("footer").get_by_role("button", name="Spara utkast", exact=True).click()

    communicator.locator("#id_title").click()
    communicator.keyboard.press("End")
    communicator.keyboard.type(" i byarna")
    # Wagtail's session ping learns of the colleague's save (within about ten seconds) and prepares its
    # warning; a person who presses save then is asked first.
    communicator.wait_for_function(
        "document.querySelector('#title-text-w-save-confirmation-dialog')?.textContent.includes('Granskare Test')",
        timeout=30_000,
    )
    communicator.locator("footer").get_by_role("button", name="Spara utkast", exact=True).click()
    dialog = communicator.get_by_role("dialog")
    dialog.wait_for()
    shoot(communicator, "4-krock-med-kollega")
    assert "Granskare Test" in dialog.inner_text()
    with communicator.expect_navigation():
        dialog.get_by_role("button", name="Spara utkast").click()
    assert "Granskare Test sparade en nyare version" in messages(communicator)
    assert communicator.locator("#id_title").input_value() == "Lokalt arbete i byarna"
    with communicator.expect_navigation():
        communicator.get_by_role("link", name="Jämför versionerna").click()
    assert "Lokalt arbete (granskaren)" in communicator.locator("main").inner_text()


def test_translator_brings_finnish_up_to_date_and_an_approver_publishes_it(server, login):
    sv_id = find_page_id(server, "forebyggande-arbete")
    approver = login("granskare", locale="en-US")
    approver.goto(f"{server}/admin/pages/{sv_id}/edit/")
    type_after_autosave_starts(approver, "#id_title", " och tidiga insatser")
    choose_action(approver, "Publicera")
    assert api(server, f"/api/v3/pages/{sv_id}/")["title"] == "Förebyggande arbete och tidiga insatser"
    translations = api(server, f"/api/v3/pages/{sv_id}/translations/")
    fi_id = next(item["id"] for item in translations if item["locale"] == "fi")
    assert api(server, f"/api/v3/pages/{fi_id}/")["translation"]["outdated"] is True

    translator = login("oversattare", locale="en-US")
    panel = translator.locator("section", has=translator.locator("#outdated-translations-heading"))
    panel.locator("li", has_text="Finska").filter(
        has=translator.locator(f'a[href$="/pages/{fi_id}/edit/"]')
    ).get_by_role("link").click()
    steps = translator.locator("[data-translation-steps]")
    with translator.expect_navigation():
        steps.get_by_role("button", name="Uppdatera från den svenska versionen").click()
    assert "följer nu den senast publicerade svenska versionen" in messages(translator)
    shoot(translator, "5-oversattare-uppdaterad")
    translator.get_by_role("button", name="Översätt", exact=True).first.click()
    translator.locator("textarea").first.fill("Ennaltaehkäisevä työ ja varhainen tuki")
    # The editor shows the text at once and saves it in the background: submit once it is saved.
    with translator.expect_response(segment_saved):
        translator.get_by_role("button", name="Spara", exact=True).first.click()
    translator.get_by_text("Ennaltaehkäisevä työ ja varhainen tuki").first.wait_for()
    # Nothing the translator must not do is offered: no publishing from the translation editor.
    assert translator.get_by_role("button", name=re.compile("Publicera")).count() == 0
    with translator.expect_navigation():
        steps.get_by_role("button", name="Lämna in översättningen för granskning").click()
    assert "har lämnats in för granskning" in messages(translator)
    shoot(translator, "6-oversattare-inlamnad")
    # Still the old Finnish text for readers, and still marked outdated, until it is approved.
    unapproved = api(server, f"/api/v3/pages/{fi_id}/")
    assert "varhainen tuki" not in unapproved["title"]
    assert unapproved["translation"]["outdated"] is True

    approver.goto(f"{server}/admin/")
    approve = f'button[data-workflow-action-url*="/pages/workflow/action/{fi_id}/approve/"]:not([data-launch-modal])'
    # The approve button sits in the row's action menu in the review queue.
    approver.locator("tr", has=approver.locator(approve)).locator("[data-w-dropdown-target=toggle]").first.click()
    with approver.expect_navigation():
        approver.locator(approve).first.click()
    published = api(server, f"/api/v3/pages/{fi_id}/")
    assert published["title"] == "Ennaltaehkäisevä työ ja varhainen tuki"
    assert published["translation"]["outdated"] is False
    assert "Ennaltaehkäisevä työ ja varhainen tuki" in public(server, urlsplit(published["meta"]["html_url"]).path)
