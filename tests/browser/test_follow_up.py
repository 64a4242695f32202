"""The yearly follow-up in a real browser: Polisen's representative reports, the coordinator approves
and publishes, the public sees it, in Swedish and in English."""

import datetime
import json

import pytest

from .conftest import USERS, public_text, wait_for_autosave, wait_until_watching_edits
from .test_review_flow import click_action

# One worker runs the module: its follow-up is written into that worker's server once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("follow_up")]
SCREENSHOTS = "/tmp/follow-up-journey"  # noqa: S108 (looked at by hand, not asserted)

SETUP = """
import datetime, json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from followup.models import NetworkRepresentative
from followup.rounds import open_round
from pages.models import StrategyPage
from snippets.models import Actor
today = datetime.date.today()
strategy = StrategyPage.objects.get(locale__language_code="sv")
follow_up = open_round(strategy, 2030, today - datetime.timedelta(days=7), today + datetime.timedelta(days=21))
user = get_user_model().objects.create_user("polisen", password=%(password)r, first_name="Polis", last_name="Test")
user.groups.add(Group.objects.get(name="Nätverksrepresentanter"))
NetworkRepresentative.objects.create(user=user, actor=Actor.objects.get(name="Polisen", locale__language_code="sv"))
print(json.dumps({
    "round": follow_up.pk,
    "reports": {r.actor.name: r.pk for r in follow_up.reports.select_related("actor")},
    "polisen_activities": follow_up.reports.get(actor__name="Polisen").activities.count(),
}))
"""

POLISEN_IN_REVIEW = """
from snippets.models import Actor
actor = Actor.objects.get(name="Polisen", locale__language_code="sv")
texts = [r.text for r in actor.get_latest_revision_as_object().responsibilities.all()]
print(actor.workflow_in_progress and "Utbildning för taxiförare" in texts)
"""


@pytest.fixture(scope="module")
def follow_up(server_shell):
    from .conftest import PASSWORD

    return json.loads(server_shell(SETUP % {"password": PASSWORD}).strip().splitlines()[-1])


def test_polisen_reports_the_coordinator_approves_and_the_public_sees_it(server, server_shell, login, follow_up):
    assert "polisen" not in USERS
    reports = follow_up["reports"]

    # Polisen's representative, with an English browser, in the Swedish admin.
    polis = login("polisen", locale="en-US")
    assert polis.locator("nav").get_by_role("button").filter(has_text="Uppföljning").count() == 1
    polis.get_by_role("button", name="Uppföljning").click()
    # The dashboard has a table of reports too: read the listing once it has replaced it.
    with polis.expect_navigation():
        polis.get_by_role("link", name="Uppföljningsrapporter").click()
    listing = polis.locator("main table tbody")
    listing.get_by_role("link").first.wait_for()
    assert set(listing.get_by_role("link").all_inner_texts()) == {"Polisen"}
    polis.screenshot(path=f"{SCREENSHOTS}-listing.png")
    with polis.expect_navigation():
        listing.locator("tr", has_text="2030").get_by_role("link", name="Polisen").click()
    wait_until_watching_edits(polis)

    polis.select_option("#id_activities-0-status", label="Genomförd")
    polis.fill("#id_activities-0-done", "Flygblad om sexköpslagen delades ut.")
    polis.fill("#id_activities-0-target_group", "Hotellpersonal")
    goals = polis.locator("#id_activities-0-goals")
    assert goals.get_by_role("checkbox").count() == 5, "the strategy's five goals, once, in Swedish"
    goals.get_by_label("Ökad medvetenhet och kunskap").check()
    new = follow_up["polisen_activities"]
    polis.click("#id_activities-ADD")
    polis.fill(f"#id_activities-{new}-text", "Utbildning för taxiförare")
    polis.select_option(f"#id_activities-{new}-status", label="Ny")
    polis.fill(f"#id_activities-{new}-target_group", "Taxiförare")
    wait_for_autosave(polis)
    polis.screenshot(path=f"{SCREENSHOTS}-report.png", full_page=True)
    click_action(polis, 'button[name="action-submit"]')
    assert polis.locator(".messages .success").count() == 1
    # Submitted is not public.
    assert "Hotellpersonal" not in public_text(server, "/sv/uppfoljning/2023/")

    # Migrationsverket's report is not theirs.
    refused = polis.goto(f"{server}/admin/snippets/followup/actorreport/edit/{reports['Migrationsverket']}/")
    assert refused.status == 403
    polis.screenshot(path=f"{SCREENSHOTS}-refused.png")

    # The coordinator sees who has reported, approves from the review queue, then publishes the round.
    coordinator = login("granskare")
    panel = coordinator.locator("section", has_text="Uppföljning 2030").filter(has_text="rapporterade").first
    assert f"1 av {len(reports)} rapporterade" in panel.inner_text()
    coordinator.screenshot(path=f"{SCREENSHOTS}-dashboard.png", full_page=True)
    action = f"/actorreport/workflow/action/{reports['Polisen']}/approve/"
    click_action(coordinator, f'button[data-workflow-action-url*="{action}"]:not([data-launch-modal])')
    coordinator.goto(f"{server}/admin/snippets/followup/followupround/edit/{follow_up['round']}/")
    wait_until_watching_edits(coordinator)
    coordinator.fill("#id_compiled_on", datetime.date.today().isoformat())
    coordinator.keyboard.press("Escape")
    click_action(coordinator, 'button[name="action-publish"]')

    swedish = public_text(server, "/sv/uppfoljning/2030/")
    assert "Hotellpersonal" in swedish and "Utbildning för taxiförare" in swedish and "Genomförd" in swedish
    assert "Flygblad om sexköpslagen delades ut." in swedish
    english = public_text(server, "/en/uppfoljning/2030/")
    assert "Follow-up 2030" in english and "Carried out" in english and "Hotellpersonal" in english

    # Nobody but the coordinator hands the division of responsibilities over: not by the address, nor
    # by a POST crafted with their own session and CSRF token.
    hand_over = f"{server}/admin/follow-up/{follow_up['round']}/hand-over/"
    communicator = login("kommunikator")
    assert communicator.goto(hand_over).status == 403
    token = next(c["value"] for c in communicator.context.cookies() if c["name"] == "csrftoken")
    crafted = communicator.request.post(hand_over, headers={"X-CSRFToken": token, "Referer": hand_over})
    assert crafted.status == 403
    assert server_shell(POLISEN_IN_REVIEW).strip().splitlines()[-1] == "False"

    # The coordinator hands it over from the rounds listing: a preview per actor, then one button.
    coordinator.goto(f"{server}/admin/snippets/followup/followupround/")
    row = coordinator.locator("main table tbody tr", has_text="2030")
    with coordinator.expect_navigation():
        row.get_by_role("link", name="Lämna över ansvar").click()
    polisen_plan = coordinator.locator("[data-hand-over-plan] tr", has_text="Polisen").inner_text()
    assert "Utbildning för taxiförare" in polisen_plan
    coordinator.screenshot(path=f"{SCREENSHOTS}-hand-over.png", full_page=True)
    with coordinator.expect_navigation():
        coordinator.get_by_role("button", name="Lämna över och skicka till granskning").click()
    assert "1 aktör har skickats till granskning" in coordinator.locator(".messages").inner_text()
    assert server_shell(POLISEN_IN_REVIEW).strip().splitlines()[-1] == "True"


@pytest.mark.parametrize("width", [375, 1280])
def test_the_follow_up_page_fits_phones_and_desktops(server, browser, width):
    context = browser.new_context(locale="sv-SE", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/sv/uppfoljning/2023/")
    page.screenshot(path=f"{SCREENSHOTS}-{width}.png", full_page=True)
    # Nothing makes the page scroll sideways; wide tables scroll inside their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    chart = page.locator("svg.follow-up-chart")
    assert chart.get_attribute("role") == "img"
    assert chart.bounding_box()["width"] <= width
    context.close()
