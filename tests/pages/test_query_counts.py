"""Query counts that must not grow with the content: the property, not a magic number."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from pages.models import HomePage
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource
from tests.content import sv
from tests.factories import ChapterPageFactory, StrategyPageFactory

pytestmark = pytest.mark.django_db


def queries_to_render(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return len(queries)


def body_with(count):
    """A chapter body that shows `count` of each snippet kind, through every snippet block."""

    def first(model):
        # From the end, so that even one actor has a parent organisation to fetch.
        return list(sv(model).filter(live=True).order_by("-pk").values_list("pk", flat=True)[:count])

    def items(pks):
        return [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in pks]

    body = [{"type": "contacts", "value": {"contacts": items(first(Contact))}}]
    body.append({"type": "contact_table", "value": {"caption": "Tabell", "contacts": items(first(Contact))}})
    body.append({"type": "resources", "value": {"resources": items(first(Resource))}})
    body.append({"type": "actors", "value": {"actors": items(first(Actor))}})
    body.append({"type": "goal_overview", "value": {"goals": items(first(Goal))}})
    body += [{"type": "concept", "value": {"concept": pk}} for pk in first(Concept)]
    body += [{"type": "goal", "value": {"goal": pk}} for pk in first(Goal)]
    body += [{"type": "indicators", "value": {"category": pk}} for pk in first(IndicatorCategory)]
    body += [{"type": "actor_role", "value": {"actor": pk}} for pk in first(Actor)]
    body += [{"type": "actor_responsibilities", "value": {"actor": pk}} for pk in first(Actor)]
    body.append({"type": "actor_matrix", "value": {"caption": "Aktiviteter"}})
    return body


def test_a_chapter_costs_the_same_queries_with_one_or_every_snippet(client):
    strategy = StrategyPageFactory(parent=sv(HomePage).get())
    small = ChapterPageFactory(parent=strategy, body=body_with(1))
    large = ChapterPageFactory(parent=strategy, body=body_with(100))
    assert len(large.body) > len(small.body) + 20
    queries_to_render(client, small)  # warm per-process caches (site root, content types)
    assert queries_to_render(client, large) == queries_to_render(client, small)


def test_the_strategy_page_costs_the_same_queries_with_few_or_many_chapters(client):
    home = sv(HomePage).get()
    few = StrategyPageFactory(parent=home)
    many = StrategyPageFactory(parent=home)
    for strategy, count in [(few, 2), (many, 30)]:
        for _ in range(count):
            chapter = ChapterPageFactory(parent=strategy)
            ChapterPageFactory(parent=chapter)
    queries_to_render(client, few)
    assert queries_to_render(client, many) == queries_to_render(client, few)


def test_each_snippet_model_is_fetched_once_however_many_block_types_choose_from_it(client):
    # Contacts in cards and a table, goals in a goal block and an overview: one query for each model.
    chapter = ChapterPageFactory(parent=sv(HomePage).get().get_children().first(), body=body_with(3))

    for fetch in (lambda: client.get(chapter.url), lambda: client.get(f"/api/v3/pages/{chapter.pk}/")):
        with CaptureQueriesContext(connection) as queries:
            assert fetch().status_code == 200
        for table in ("snippets_contact", "snippets_goal"):
            # Fetches by primary key: the body's choices (the emergency banner picks its contacts by flag).
            by_id = [q for q in queries if f' FROM "{table}" WHERE "{table}"."id" IN (' in q["sql"]]
            assert len(by_id) == 1, table


def test_a_deleted_choice_is_dropped_from_the_page_and_the_api(client):
    chapter = ChapterPageFactory(parent=sv(HomePage).get().get_children().first(), body=body_with(3))
    contacts = next(block.value["contacts"] for block in chapter.body if block.block_type == "contacts")
    gone, kept = contacts[0], contacts[1]
    gone_pk = gone.pk
    gone.delete()
    api_body = client.get(f"/api/v3/pages/{chapter.pk}/").json()["body"]
    chosen = next(block["value"]["contacts"] for block in api_body if block["type"] == "contacts")
    assert gone_pk not in chosen and kept.pk in chosen
    html = client.get(chapter.url).content.decode()
    assert gone.name not in html and kept.name in html


def test_a_chapters_previous_and_next_cost_the_same_queries_with_few_or_many_chapters(client):
    home = sv(HomePage).get()
    rendered = []
    for count in (2, 30):
        strategy = StrategyPageFactory(parent=home)
        chapters = [ChapterPageFactory(parent=strategy) for _ in range(count)]
        ChapterPageFactory(parent=chapters[1])
        # A chapter in the middle: it has both neighbours, and a sub-chapter follows it.
        middle = chapters[1]
        queries_to_render(client, middle)
        html = client.get(middle.url).content.decode()
        assert 'rel="prev"' in html and 'rel="next"' in html
        rendered.append(queries_to_render(client, middle))
    assert rendered[0] == rendered[1]


def test_a_chapter_costs_the_same_queries_in_a_small_or_large_strategy_however_many_sections_are_private(client):
    """Chapters, their blocks and view restrictions elsewhere in the tree all vary; the chapter's queries
    do not, and a private chapter stays out of the table of contents and the sub-chapters."""
    home = sv(HomePage).get()
    rendered = []
    for count, snippets, private in ((2, 1, 1), (30, 100, 4)):
        strategy = StrategyPageFactory(parent=home)
        chapters = [ChapterPageFactory(parent=strategy, body=body_with(snippets)) for _ in range(count)]
        shown = chapters[1]
        ChapterPageFactory(parent=shown, title="Synligt underkapitel")
        for index in range(private):
            hidden = ChapterPageFactory(parent=shown if index == 0 else strategy, title=f"Intern sida {index}")
            PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="pw")
        queries_to_render(client, shown)
        html = client.get(shown.url).content.decode()
        assert "Synligt underkapitel" in html and "Intern sida" not in html
        rendered.append(queries_to_render(client, shown))
    assert rendered[0] == rendered[1]
