"""The communicator who opens a page an approver sent back reads why, in the approver's words and name."""

import pytest

from .test_editor_journeys import choose_action, find_page_id, messages, shoot, type_after_autosave_starts

pytestmark = pytest.mark.browser

COMMENT = "Lägg till en mening om Region Västerbotten."


def test_the_approvers_comment_shows_on_the_page_being_changed(server, login):
    page_id = find_page_id(server, "aktorer")
    communicator = login("kommunikator", locale="en-US")
    communicator.goto(f"{server}/admin/pages/{page_id}/edit/")
    type_after_autosave_starts(communicator, "#id_title", " i nätverket")
    choose_action(communicator, "Lämna in till Granskning")

    approver = login("granskare", locale="en-US")
    approver.goto(f"{server}/admin/pages/{page_id}/edit/")
    choose_menu = approver.locator("footer [data-w-dropdown-target=toggle]").first
    choose_menu.click()
    approver.locator("footer").get_by_role("button", name="Begär ändringar").click()
    dialog = approver.get_by_role("dialog")
    dialog.locator("textarea").fill(COMMENT)
    with approver.expect_navigation():
        dialog.get_by_role("button", name="Begär ändringar").last.click()

    communicator.goto(f"{server}/admin/")
    asked = communicator.locator(
        "section", has=communicator.get_by_role("heading", name="Ändringar som begärts av dig")
    )
    with communicator.expect_navigation():
        asked.get_by_role("link", name="Aktörer i nätverket").first.click()
    assert f"/admin/pages/{page_id}/edit/" in communicator.url
    said = messages(communicator)
    assert "Granskare Test begärde ändringar" in said
    assert COMMENT in said
    shoot(communicator, "3b-kommunikator-kommentar-pa-sidan")
