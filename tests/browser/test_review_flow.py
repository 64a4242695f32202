"""The editorial flow in a real browser: a communicator submits, an approver approves, the public sees it."""

import json

import pytest

from .conftest import public_text as public

pytestmark = pytest.mark.browser


def find_page_id(server, slug):
    items = json.loads(public(server, f"/api/v3/pages/?slug={slug}&locale=sv"))["items"]
    return items[0]["id"]


def click_action(page, selector):
    """Action-menu buttons sit in a dropdown; click them as the menu item would."""
    with page.expect_navigation():
        page.eval_on_selector(selector, "button => button.click()")


def test_submitted_change_goes_public_only_after_approval(server, login):
    page_id = find_page_id(server, "norrland")

    communicator = login("kommunikator")
    communicator.goto(f"{server}/admin/pages/{page_id}/edit/")
    communicator.fill("#id_title", "Norrland och kusten")
    click_action(communicator, 'button[name="action-submit"]')
    assert "Norrland och kusten" not in public(server, "/api/v3/pages/?slug=norrland&locale=sv")

    approver = login("granskare")
    approver.goto(f"{server}/admin/")
    assert approver.get_by_text("Norrland och kusten").count() > 0
    approver.goto(f"{server}/admin/pages/{page_id}/edit/")
    # "Approve" without the comment modal; "Approve with comment" is the same action with a modal.
    click_action(approver, 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])')

    assert json.loads(public(server, f"/api/v3/pages/{page_id}/"))["title"] == "Norrland och kusten"
    strategy_html = public(server, "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/")
    assert "Norrland och kusten" in strategy_html


def contact_named(server, name):
    for offset in (0, 20):
        items = json.loads(public(server, f"/api/v3/contacts/?limit=20&offset={offset}"))["items"]
        for item in items:
            if item["name"] == name:
                return item
    raise AssertionError(name)


BILAGA_2 = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/bilaga-2-kontaktuppgifter/"


def test_a_changed_phone_number_is_not_public_until_approved(server, login):
    contact = contact_named(server, "KAST")
    edit_url = f"{server}/admin/snippets/snippets/contact/edit/{contact['id']}/"

    communicator = login("kommunikator")
    communicator.goto(edit_url)
    communicator.fill("#id_phone", "0910-71 79 10")
    click_action(communicator, 'button[name="action-submit"]')
    assert contact_named(server, "KAST")["phone"] == "0910-71 79 09"
    assert "0910-71 79 10" not in public(server, BILAGA_2)

    # Approved from the dashboard's review queue, without opening (and re-saving) the editor.
    approver = login("granskare")
    approver.goto(f"{server}/admin/")
    action_url = f"/contact/workflow/action/{contact['id']}/approve/"
    approve = f'button[data-workflow-action-url*="{action_url}"]:not([data-launch-modal])'
    click_action(approver, approve)
    published = contact_named(server, "KAST")
    assert (published["phone"], published["phone_e164"]) == ("0910-71 79 10", "+46910717910")
    assert 'href="tel:+46910717910" dir="ltr">0910-71 79 10</a>' in public(server, BILAGA_2)
