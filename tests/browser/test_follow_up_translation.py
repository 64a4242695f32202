"""A published follow-up report in English: the approver starts the translation, the translator
translates it in wagtail-localize's editor and submits it, the approver publishes it, readers see it."""

import json

import pytest

from .conftest import public_text, segment_saved
from .test_review_flow import click_action

pytestmark = pytest.mark.browser

SETUP = """
import datetime, json
from followup.models import ActivityStatus
from followup.rounds import open_round
from pages.models import StrategyPage
today = datetime.date.today()
strategy = StrategyPage.objects.get(locale__language_code="sv")
follow_up = open_round(strategy, 2034, today - datetime.timedelta(days=30), today - datetime.timedelta(days=2))
report = follow_up.reports.get(actor__name="Polisen")
activity = report.activities.first()
activity.status, activity.target_group = ActivityStatus.CARRIED_OUT, "Hotellpersonal"
activity.save()
report.save_revision().publish()
follow_up.compiled_on = today
follow_up.save()
follow_up.save_revision().publish()
print(json.dumps({"report": report.pk, "strategy": strategy.pk}))
"""


@pytest.fixture(scope="module")
def published_report(server_shell):
    return json.loads(server_shell(SETUP).strip().splitlines()[-1])


def messages(page):
    return page.locator(".messages").inner_text()


def english_follow_up(server, strategy):
    rounds = json.loads(public_text(server, f"/api/v3/follow-ups/?strategy={strategy}&locale=en"))
    item = next(item for item in rounds if item["year"] == 2034)
    return public_text(server, f"/api/v3/follow-ups/{item['id']}/?locale=en")


def test_a_report_is_translated_into_english_reviewed_and_read(server, login, published_report):
    english_page = "/en/uppfoljning/2034/"
    assert "Hotellpersonal" in public_text(server, english_page), "Swedish until it is translated"

    approver = login("granskare", locale="en-US")
    approver.goto(f"{server}/admin/snippets/followup/actorreport/?locale=sv")
    row = approver.locator("tr", has_text="Uppföljning 2034").filter(has_text="Polisen")
    row.locator("[data-w-dropdown-target=toggle]").first.click()
    with approver.expect_navigation():
        row.get_by_role("link", name="Översätt").click()
    approver.get_by_label("Engelska").check()
    with approver.expect_navigation():
        approver.get_by_role("button", name="Skicka").click()
    assert "skickas för översättning till Engelska" in messages(approver)

    translator = login("oversattare", locale="en-US")
    translator.goto(f"{server}/admin/snippets/followup/actorreport/?locale=en")
    with translator.expect_navigation():
        translator.locator("tr", has_text="2034").get_by_role("link", name="Police (Polisen)").first.click()
    segment = translator.locator("li", has_text="Hotellpersonal").last
    segment.get_by_role("button", name="Översätt").click()
    segment.locator("textarea").fill("Hotel staff")
    with translator.expect_response(segment_saved):
        segment.get_by_role("button", name="Spara").click()
    translator.get_by_text("Hotel staff").first.wait_for()
    with translator.expect_navigation():
        translator.locator("[data-translation-steps]").get_by_role(
            "button", name="Lämna in översättningen för granskning"
        ).click()
    assert "har lämnats in för granskning" in messages(translator)
    # The translator still sees their submitted translation, now under review.
    assert "Hotel staff" in translator.locator("main").inner_text()
    assert "Hotel staff" not in public_text(server, english_page)

    approver.goto(f"{server}/admin/")
    approve = 'button[data-workflow-action-url*="/actorreport/workflow/action/"][data-workflow-action-url*="/approve/"]'
    queue_row = approver.locator("tr", has_text="Police (Polisen)").filter(has=approver.locator(approve))
    queue_row.locator("[data-w-dropdown-target=toggle]").first.click()
    click_action(approver, f"tr:has-text('Police (Polisen)') {approve}:not([data-launch-modal])")
    assert "Hotel staff" in public_text(server, english_page)
    assert "Hotellpersonal" not in public_text(server, english_page)
    assert "Hotel staff" in english_follow_up(server, published_report["strategy"])
    assert "Hotellpersonal" in public_text(server, "/sv/uppfoljning/2034/")
