"""Delta sync: a consumer keeping a copy asks what changed since its cursor and gets it in order,
with tombstones for what left the public's view, and nothing the public could not see."""

import datetime
from contextvars import ContextVar

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms import changes
from snippets.models import Contact
from tests.factories import ChapterPageFactory, ContactFactory, publish, rich_text

pytestmark = pytest.mark.django_db


def feed(api, since="0", limit=100):
    response = api(f"changes/?since={since}&limit={limit}")
    assert response.status_code == 200
    return response.json()


def caught_up(api):
    """The cursor after everything so far (loading the strategy recorded its history too)."""
    cursor = "0"
    while True:
        answer = feed(api, since=cursor)
        cursor = answer["next"]
        if not answer["more"]:
            return cursor


def summary(items):
    return [(item["kind"], item["id"], item["action"], item["tombstone"]) for item in items]


def test_publish_unpublish_delete_and_a_view_restriction_in_order(api, built):
    strategy, chapter, contact, leaving = built.strategy, built.region, built.contact, built.network
    start = caught_up(api)
    chapter.save_revision().publish()
    new = ChapterPageFactory(parent=strategy, title="Nytt kapitel", live=False)
    new.save_revision().publish()
    contact.save_revision().publish()
    leaving.unpublish()
    new.delete()
    restriction = PageViewRestriction.objects.create(page=chapter, restriction_type="password", password="pw")
    restriction.delete()

    answer = feed(api, since=start)
    assert summary(answer["items"]) == [
        ("page", chapter.pk, "updated", False),
        ("page", new.pk, "created", False),
        ("contacts", contact.pk, "updated", False),
        ("page", leaving.pk, "unpublished", True),
        ("page", new.pk, "deleted", True),
        ("page", chapter.pk, "restricted", True),
        ("page", chapter.pk, "updated", False),
    ]
    first = answer["items"][0]
    assert first["url"].endswith(f"/api/v3/pages/{chapter.pk}/")
    assert api(first["url"].split("/api/v3/", 1)[1]).status_code == 200
    assert answer["items"][2]["url"].endswith(f"/api/v3/contacts/{contact.pk}/")
    assert all(item["url"] is None for item in answer["items"] if item["tombstone"])
    assert answer["more"] is False


def test_a_page_moved_into_a_private_section_is_withdrawn_and_comes_back_when_moved_out(api, strategy):
    internal = ChapterPageFactory(parent=strategy, title="Internt")
    PageViewRestriction.objects.create(page=internal, restriction_type="password", password="pw")
    # The moved section itself is unpublished; the pages below it are still served.
    moving = ChapterPageFactory(parent=strategy, title="Flyttas", live=False)
    below = ChapterPageFactory(parent=moving, title="Följer med")
    hidden = ChapterPageFactory(parent=moving, title="Dold hela tiden")
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="pw")
    start = caught_up(api)

    moving.move(internal, pos="last-child")
    Page.objects.get(pk=moving.pk).move(strategy, pos="last-child")

    # The page hidden by its own restriction was never the public's: it is in neither.
    assert summary(feed(api, since=start)["items"]) == [
        ("page", below.pk, "restricted", True),
        ("page", below.pk, "updated", False),
    ]


def test_a_first_publish_scheduled_for_later_is_announced_when_it_goes_live(api, strategy):
    start = caught_up(api)
    later = ChapterPageFactory(parent=strategy, title="Nyheter i januari", live=False)
    later.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    later.save_revision().publish()
    # Scheduled, not public: its title and address are no one's business yet.
    assert feed(api, since=start)["items"] == []

    # The hour has passed (the publish reads the time from the scheduled revision).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = later.revisions.get()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    assert summary(feed(api, since=start)["items"]) == [("page", later.pk, "created", False)]


def test_a_feed_read_between_the_commit_and_the_snippets_entries_is_not_kept(
    api, strategy, django_capture_on_commit_callbacks, reconciled_at_each_commit, monkeypatch
):
    """The snippets' entries are written after the commit, perhaps after the change's cached answers
    were renewed: a consumer polling in between must not have the feed without them cached for everyone."""
    with django_capture_on_commit_callbacks(execute=True):
        night_line = publish(ContactFactory(name="Nattjouren"))
        chapter = ChapterPageFactory(parent=strategy, title="Natt", body=[("contacts", {"contacts": [night_line]})])
        chapter.save_revision().publish()
    start = caught_up(api)
    reconcile = changes.reconcile_snippets
    monkeypatch.setattr(changes, "reconcile_snippets", lambda: None)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=chapter, restriction_type="password", password="pw")
    # Polled now, between the switch and the snippets' entries.
    assert summary(feed(api, since=start)["items"]) == [("page", chapter.pk, "restricted", True)]

    with django_capture_on_commit_callbacks(execute=True):
        reconcile()
    assert summary(feed(api, since=start)["items"]) == [
        ("page", chapter.pk, "restricted", True),
        ("contacts", night_line.pk, "unpublished", True),
    ]


def test_the_cursor_pages_through_and_then_waits(api, strategy):
    start = caught_up(api)
    pages = [ChapterPageFactory(parent=strategy, title=f"Kapitel {n}", live=False) for n in range(5)]
    for page in pages:
        page.save_revision().publish()
    seen, cursor = [], start
    while True:
        answer = feed(api, since=cursor, limit=2)
        seen += [item["id"] for item in answer["items"]]
        cursor = answer["next"]
        if not answer["more"]:
            break
    assert seen == [page.pk for page in pages]
    assert feed(api, since=cursor) == {"items": [], "next": cursor, "more": False}


def test_private_pages_and_drafts_are_not_in_the_feed(api, strategy):
    start = caught_up(api)
    private = ChapterPageFactory(parent=strategy, title="Intern", live=False)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    private.save_revision().publish()
    below = ChapterPageFactory(parent=private, title="Under intern")
    draft = ChapterPageFactory(parent=strategy, title="Utkast", live=False)
    draft.delete()
    below.unpublish()
    # A snippet only the private page chooses.
    internal = Contact.objects.create(name="Intern kontakt", category="support_line", phone="020-61 60 60")
    private.body = [("contacts", {"contacts": [internal]})]
    private.save_revision().publish()
    internal.save_revision().publish()
    assert feed(api, since=start)["items"] == []


@pytest.fixture
def reconciled_at_each_commit(monkeypatch):
    """This module's strategy is built in a transaction that is rolled back, never committed, so the
    reconciliation its publishes queued (cms/changes.py) never runs; from here on, each commit a test
    captures runs its own, as in a transaction of its own."""
    monkeypatch.setattr(changes, "_pending", ContextVar("reconcile_pending", default=None))


def test_a_snippet_is_in_the_feed_while_a_public_page_shows_it(
    api, strategy, django_capture_on_commit_callbacks, reconciled_at_each_commit
):
    """A consumer keeping contacts by the feed: a contact comes with the first public page that shows it
    and goes with the last, whether that page stops choosing it, is unpublished, made private or deleted;
    drafts and a second page coming or going change nothing."""

    def committed(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    start = caught_up(api)
    first, second = committed(lambda: [ChapterPageFactory(parent=strategy, title=title) for title in ("1", "2")])
    night_line = committed(lambda: ContactFactory(name="Nattjouren"))

    def choose(page, *contacts, publish=True):
        page.body = [("contacts", {"contacts": list(contacts)})] if contacts else rich_text("Utan kontakter.")
        revision = page.save_revision()
        if publish:
            revision.publish()

    def contact_items():
        items = feed(api, since=start)["items"]
        return [item["action"] for item in items if item["kind"] == "contacts" and item["id"] == night_line.pk]

    committed(lambda: publish(night_line))
    committed(lambda: choose(first, night_line, publish=False))
    assert contact_items() == []
    committed(lambda: choose(first, night_line))
    assert contact_items() == ["created"]
    url = next(item["url"] for item in feed(api, since=start)["items"] if item["id"] == night_line.pk)
    assert api(url.split("/api/v3/", 1)[1]).status_code == 200

    committed(lambda: choose(second, night_line))
    committed(lambda: choose(first))
    assert contact_items() == ["created"]
    committed(lambda: choose(second))
    assert contact_items() == ["created", "unpublished"]
    assert api(url.split("/api/v3/", 1)[1]).status_code == 404

    committed(lambda: choose(first, night_line))
    committed(lambda: first.unpublish())
    committed(lambda: first.save_revision().publish())
    restriction = committed(
        lambda: PageViewRestriction.objects.create(page=first, restriction_type="password", password="pw")
    )
    committed(restriction.delete)
    # Moved into a section the public cannot see, and back out.
    internal = committed(lambda: ChapterPageFactory(parent=strategy, title="Internt"))
    committed(lambda: PageViewRestriction.objects.create(page=internal, restriction_type="password", password="pw"))
    committed(lambda: first.move(internal, pos="last-child"))
    committed(lambda: Page.objects.get(pk=first.pk).move(strategy, pos="last-child"))
    committed(lambda: Page.objects.get(pk=first.pk).delete())
    assert contact_items() == ["created", "unpublished", *["updated", "unpublished"] * 4]


def test_a_contact_that_leaves_the_emergency_banner_leaves_the_feed(
    api, django_capture_on_commit_callbacks, reconciled_at_each_commit
):
    start = caught_up(api)
    with django_capture_on_commit_callbacks(execute=True):
        banner = publish(ContactFactory(name="Jourtelefonen", in_emergency_banner=True))
    with django_capture_on_commit_callbacks(execute=True):
        banner.in_emergency_banner = False
        banner.save_revision().publish()
    items = [item for item in feed(api, since=start)["items"] if item["id"] == banner.pk]
    assert summary(items) == [("contacts", banner.pk, "created", False), ("contacts", banner.pk, "unpublished", True)]


@pytest.mark.parametrize("since", ["abc", "-1", "1" * 30])
def test_a_malformed_cursor_is_a_problem(api, since):
    response = api(f"changes/?since={since}")
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/problem+json"


def test_a_follow_up_is_in_the_feed_once_published_with_its_reports_as_updates(api, strategy):
    import datetime

    from followup.rounds import open_round

    start = caught_up(api)
    follow_up = open_round(strategy, 2030, datetime.date(2030, 1, 1), datetime.date(2030, 2, 1))
    report = follow_up.reports.first()
    # A report approved while its round is still a draft: the public sees neither.
    report.save_revision().publish()
    assert feed(api, since=start)["items"] == []

    follow_up.save_revision().publish()
    report.save_revision().publish()
    follow_up.refresh_from_db()
    follow_up.unpublish()
    answer = feed(api, since=start)
    assert summary(answer["items"]) == [
        ("follow-ups", follow_up.pk, "created", False),
        ("follow-ups", follow_up.pk, "updated", False),
        ("follow-ups", follow_up.pk, "unpublished", True),
    ]
    # The feed's address for it answers while it is published.
    url = answer["items"][0]["url"]
    assert url.endswith(f"/api/v3/follow-ups/{follow_up.pk}/?locale=sv")
    follow_up.save_revision().publish()
    assert api(url.split("/api/v3/")[1]).status_code == 200
