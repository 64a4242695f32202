"""The public follow-up page: a published round in every language, per goal and per actor, year over
year as a table and an SVG chart with the same figures; nothing unpublished; queries do not grow."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from followup.models import ActivityStatus, ActorReport, FollowUpRound, ReportedActivity
from snippets.models import Goal
from tests.followup.conftest import swedish_actor

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


def goal(title):
    return Goal.objects.get(title=title, locale__language_code="sv")


def publish_round(follow_up):
    follow_up.compiled_on = datetime.date.today()
    follow_up.save()
    follow_up.save_revision().publish()


def report(follow_up, actor, *activities, publish=True):
    """Fill in an actor's report with (status, text, target group, goals) rows, and publish it."""
    obj = follow_up.reports.get(actor=swedish_actor(actor))
    obj.activities = [
        ReportedActivity(sort_order=i, locale=obj.locale, status=status, text=text, target_group=target)
        for i, (status, text, target, _goals) in enumerate(activities)
    ]
    obj.save()
    for row, (*_rest, goals) in zip(obj.activities.all(), activities, strict=True):
        row.goals.set(goals)
        row.save()
    obj.save()
    revision = obj.save_revision()
    if publish:
        revision.publish()
    return obj


def test_a_published_round_shows_what_was_done_per_goal_and_per_actor(client, open_follow_up):
    knowledge = goal("Ökad medvetenhet och kunskap")
    report(
        open_follow_up,
        "Polisen",
        (ActivityStatus.CARRIED_OUT, "Flygblad om sexköpslagen", "Stora arbetsplatser", [knowledge]),
        (ActivityStatus.DROPPED, "Tillslag mot campingar", "", []),
    )
    report(
        open_follow_up,
        "Migrationsverket",
        (ActivityStatus.CARRIED_OUT, "Hemlig utbildning", "Personal", [knowledge]),
        publish=False,
    )
    publish_round(open_follow_up)
    page = client.get("/sv/uppfoljning/2030/").content.decode()
    per_goal = page[page.index('id="per-goal"') : page.index('id="per-actor"')]
    assert "Flygblad om sexköpslagen" in per_goal and "Stora arbetsplatser" in per_goal
    assert "Tillslag mot campingar" not in per_goal, "a dropped activity served no goal this year"
    per_actor = page[page.index('id="per-actor"') :]
    assert "Tillslag mot campingar" in per_actor and "Avbruten" in per_actor
    assert "Hemlig utbildning" not in page, "an unpublished report is never public"


def test_an_unpublished_round_is_not_public(client, open_follow_up):
    assert client.get("/sv/uppfoljning/2030/").status_code == 404
    assert client.get("/sv/uppfoljning/1999/").status_code == 404


@pytest.mark.parametrize("language", ["sv", "en", "fi", "ar"])
def test_the_baseline_has_a_page_in_every_language(client, language):
    response = client.get(f"/{language}/uppfoljning/2023/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def comparison_table(page):
    start = page.index('id="follow-up-comparison"')
    table = page[page.rindex("<table", 0, start) : page.index("</table>", start) + len("</table>")]
    return ET.fromstring(table)  # noqa: S314 (our own page)


def test_the_year_over_year_table_and_the_svg_chart_carry_the_same_numbers(client, open_follow_up):
    knowledge = goal("Ökad medvetenhet och kunskap")
    report(
        open_follow_up,
        "Polisen",
        (ActivityStatus.CARRIED_OUT, "A", "", [knowledge]),
        (ActivityStatus.CARRIED_OUT, "B", "", [knowledge]),
        (ActivityStatus.NEW, "C", "", [knowledge]),
    )
    publish_round(open_follow_up)
    page = client.get("/sv/uppfoljning/2030/").content.decode()
    rows = comparison_table(page).find("tbody").findall("tr")
    cells = [[cell.text for cell in row] for row in rows]
    # Baseline 2023: nothing linked to a goal yet; 2030: two carried out and one new for the goal.
    knowledge_rows = [c for c in cells if "Ökad medvetenhet och kunskap" in c or c[0] == "2023"]
    assert ["Ökad medvetenhet och kunskap", "2023", "0", "0", "0", "0", "0"] in knowledge_rows
    assert ["2030", "2", "0", "0", "0", "1"] in cells
    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + len("</svg>")])  # noqa: S314
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    assert svg.get("aria-describedby") == "follow-up-comparison"
    bars = [rect.find(f"{SVG}title").text for rect in svg.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert "Genomförd: 2" in bars and "Ny: 1" in bars


def test_the_english_page_shows_the_swedish_report_until_it_is_translated(client, open_follow_up):
    report(open_follow_up, "Polisen", (ActivityStatus.CARRIED_OUT, "Flygblad", "", []))
    publish_round(open_follow_up)
    page = client.get("/en/uppfoljning/2030/").content.decode()
    assert "Follow-up 2030" in page and "Flygblad" in page and "Carried out" in page


def queries_for(client, path):
    client.get(path)  # once to warm what every page caches (the site, the locales)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_queries_do_not_grow_with_actors_and_activities(client, open_follow_up, language):
    knowledge = goal("Ökad medvetenhet och kunskap")
    report(open_follow_up, "Polisen", (ActivityStatus.CARRIED_OUT, "A", "x", [knowledge]))
    publish_round(open_follow_up)
    few = queries_for(client, f"/{language}/uppfoljning/2030/")
    many = [(ActivityStatus.CARRIED_OUT, f"Aktivitet {n}", "y", [knowledge]) for n in range(20)]
    for name in ["Polisen", "Migrationsverket", "Socialkontoret"]:
        report(open_follow_up, name, *many)
    assert queries_for(client, f"/{language}/uppfoljning/2030/") == few
    assert ActorReport.objects.filter(round=open_follow_up, live=True).count() == 3
    assert FollowUpRound.objects.filter(live=True).count() == 2


def test_the_strategy_page_links_to_the_latest_follow_up_and_the_next_deadline(client, strategy, open_follow_up):
    page = client.get(strategy.url).content.decode()
    assert 'href="/sv/uppfoljning/2023/"' in page
    assert open_follow_up.report_deadline.isoformat() in page
    english = client.get(strategy.get_translation(open_follow_up.locale.__class__.objects.get(language_code="en")).url)
    assert 'href="/en/uppfoljning/2023/"' in english.content.decode()
