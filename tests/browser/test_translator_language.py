"""A translator chooses the language they translate into once; the lists of strategy content then open in it."""

import pytest

from .test_editor_journeys import shoot

pytestmark = pytest.mark.browser


def languages_listed(page):
    """The language column of every row in the listing on screen."""
    rows = page.locator("main table tbody tr")
    rows.first.wait_for()
    header = [cell.inner_text().strip() for cell in page.locator("main table thead th").all()]
    column = header.index("Språk") + 1
    return {cell.inner_text().strip() for cell in page.locator(f"main table tbody tr td:nth-child({column})").all()}


def test_a_translator_sees_their_own_language_first_and_can_switch(server, login):
    translator = login("oversattare", locale="en-US")
    translator.get_by_role("button", name="Oversattare").click()
    translator.get_by_role("link", name="Konto").or_(translator.get_by_role("menuitem", name="Konto")).first.click()
    translator.get_by_label("Översättningsspråk", exact=True).select_option(label="Finska")
    with translator.expect_navigation():
        translator.get_by_role("button", name="Spara").click()
    assert "kontoinställningar har uppdaterats" in translator.locator(".messages").inner_text()

    translator.get_by_role("button", name="Strategiinnehåll").click()
    with translator.expect_navigation():
        translator.get_by_role("link", name="Kontakter", exact=True).click()
    assert languages_listed(translator) == {"Finska"}
    assert translator.get_by_role("button", name="Språk: Finska").is_visible()
    shoot(translator, "7-oversattare-kontakter-pa-finska")

    # Another language is one choice away, and the address says which one is shown.
    translator.get_by_role("button", name="Språk: Finska").click()
    translator.get_by_role("radio", name="Svenska").check()
    translator.wait_for_url("**locale=sv**")
    translator.get_by_role("button", name="Språk: Svenska").wait_for()
    assert languages_listed(translator) == {"Svenska"}

    # Every list of strategy content opens in the translator's language, not only contacts.
    translator.get_by_role("button", name="Strategiinnehåll").click()
    with translator.expect_navigation():
        translator.get_by_role("link", name="Begrepp", exact=True).click()
    assert languages_listed(translator) == {"Finska"}


def test_other_roles_still_see_every_language(server, login):
    communicator = login("kommunikator", locale="en-US")
    communicator.get_by_role("button", name="Strategiinnehåll").click()
    with communicator.expect_navigation():
        communicator.get_by_role("link", name="Kontakter", exact=True).click()
    assert len(languages_listed(communicator)) > 1
