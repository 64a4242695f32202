"""Publishing purges the CDN: a loopback HTTP server stands in for it and records every PURGE."""

from http.server import BaseHTTPRequestHandler

import pytest
from wagtail.models import PageViewRestriction

from pages.models import ChapterPage, StrategyPage
from tests.content import sv
from tests.factories import ChapterPageFactory, ContactFactory, publish, translate
from tests.loopback import serving

pytestmark = pytest.mark.django_db


class Receiver(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    Receiver.received = []
    with serving(Receiver) as server:
        settings.WAGTAILFRONTENDCACHE = {
            "default": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
            }
        }
        yield Receiver.received


@pytest.fixture
def translated(built):
    """The built strategy, its contact and the chapter that chooses it, in every language."""
    for code in ("en", "fi", "ar"):
        for obj in (built.contact, built.strategy, built.help):
            translate(obj, code)
    return built


def in_every_locale(obj):
    return list(type(obj).objects.filter(translation_key=obj.translation_key))


def paths(received):
    return {path for _host, path in received}


def test_publishing_a_chapter_purges_it_and_its_strategy_in_every_language(
    cdn, translated, django_capture_on_commit_callbacks
):
    chapter = translated.help
    assert len(in_every_locale(chapter)) == 4
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    purged = paths(cdn)
    for translation in in_every_locale(chapter):
        assert translation.url in purged
        assert f"/api/v3/pages/{translation.pk}/" in purged
    for strategy in in_every_locale(translated.strategy):
        assert strategy.url in purged and strategy.url + strategy.whole_strategy_path in purged
        assert f"/api/v3/strategies/{strategy.pk}/" in purged
    # The table of contents of every chapter shows the title.
    assert translated.work.url in purged
    assert {host for host, _path in cdn} == {"localhost"}


def test_a_contact_purges_the_pages_and_documents_that_show_it_and_its_collection(
    cdn, translated, django_capture_on_commit_callbacks
):
    contact = translated.contact
    contact.description = "Ny beskrivning"
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()
    purged = paths(cdn)
    for page in in_every_locale(translated.help):
        assert page.url in purged
    for strategy in in_every_locale(translated.strategy):
        assert f"/api/v3/strategies/{strategy.pk}/" in purged
    for contact in in_every_locale(translated.contact):
        assert f"/api/v3/contacts/{contact.pk}/" in purged
    assert {"/api/v3/contacts/", "/api/v3/contacts/?locale=en"} <= purged


def test_an_emergency_banner_contact_purges_every_page(cdn, built, django_capture_on_commit_callbacks):
    # No page chooses it: the banner shows it on every page.
    banner = publish(ContactFactory(name="Jourtelefonen", phone="0910-11 11 11", in_emergency_banner=True))
    with django_capture_on_commit_callbacks(execute=True):
        banner.save_revision().publish()
    purged = paths(cdn)
    for code in ("sv", "en", "fi", "ar"):
        assert f"/{code}/" in purged
    assert built.work.url in purged


def test_unpublishing_purges_the_page_that_is_gone(cdn, built, django_capture_on_commit_callbacks):
    chapter = built.work
    url = chapter.url
    with django_capture_on_commit_callbacks(execute=True):
        chapter.unpublish()
    assert url in paths(cdn)


def test_without_a_cdn_nothing_is_sent(settings, built, django_capture_on_commit_callbacks):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    with django_capture_on_commit_callbacks() as callbacks:
        built.work.save_revision().publish()
    assert [c for c in callbacks if "purge" in getattr(c, "__qualname__", "")] == []


# A change of audience or address: the page and everything below it, at the old and the new address.


@pytest.fixture
def chapter_with_child(built):
    strategy = built.strategy
    parent = ChapterPageFactory(parent=strategy, title="Skyddat kapitel", slug="skyddat-kapitel")
    child = ChapterPageFactory(parent=parent, title="Underkapitel", slug="underkapitel")
    return parent, child


def test_making_a_page_private_purges_it_and_every_page_below_it(
    cdn, built, chapter_with_child, django_capture_on_commit_callbacks
):
    parent, child = chapter_with_child
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    purged = paths(cdn)
    assert {parent.url, child.url, f"/api/v3/pages/{parent.pk}/", f"/api/v3/pages/{child.pk}/"} <= purged
    # Its title leaves the table of contents of the strategy's pages.
    assert built.work.url in purged
    assert {"/api/v3/pages/", "/api/v3/navigation/", "/sitemap.xml"} <= purged


@pytest.mark.parametrize("change", ["changed", "removed"])
def test_changing_or_removing_a_view_restriction_purges_the_pages(
    cdn, chapter_with_child, django_capture_on_commit_callbacks, change
):
    parent, child = chapter_with_child
    restriction = PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "changed":
            restriction.restriction_type = PageViewRestriction.PASSWORD
            restriction.password = "hemligt"
            restriction.save()
        else:
            restriction.delete()
    assert {parent.url, child.url, f"/api/v3/pages/{child.pk}/"} <= paths(cdn)


def test_moving_a_page_purges_its_old_and_new_addresses_and_those_below_it(
    cdn, built, chapter_with_child, django_capture_on_commit_callbacks
):
    parent, child = chapter_with_child
    old_parent_url, old_child_url = parent.url, child.url
    target = built.work
    with django_capture_on_commit_callbacks(execute=True):
        parent.move(target, pos="last-child")
    parent.refresh_from_db()
    child.refresh_from_db()
    assert parent.url == target.url + "skyddat-kapitel/"
    assert {old_parent_url, old_child_url, parent.url, child.url} <= paths(cdn)


def test_a_new_slug_purges_the_old_and_new_addresses_of_the_page_and_those_below_it(
    cdn, chapter_with_child, django_capture_on_commit_callbacks
):
    parent, child = chapter_with_child
    old_parent_url, old_child_url = parent.url, child.url
    with django_capture_on_commit_callbacks(execute=True):
        parent.slug = "nytt-namn"
        parent.save_revision().publish()
    child.refresh_from_db()
    assert child.url.endswith("/nytt-namn/underkapitel/")
    assert {old_parent_url, old_child_url, ChapterPage.objects.get(pk=parent.pk).url, child.url} <= paths(cdn)


def test_deleting_a_page_purges_it_and_the_pages_below_it(
    cdn, built, chapter_with_child, django_capture_on_commit_callbacks
):
    parent, child = chapter_with_child
    urls = {parent.url, child.url, f"/api/v3/pages/{parent.pk}/", f"/api/v3/pages/{child.pk}/"}
    with django_capture_on_commit_callbacks(execute=True):
        parent.delete()
    assert urls <= paths(cdn)
    assert built.work.url in paths(cdn)


def published_round(strategy_page, year):
    """A round opened and published, compiled; returns it and Polisen's report (a draft)."""
    import datetime

    from followup.rounds import open_round

    follow_up = open_round(strategy_page, year, datetime.date(year, 1, 1), datetime.date(year, 2, 1))
    follow_up.compiled_on = datetime.date(year, 3, 1)
    follow_up.save()
    return follow_up


FOLLOW_UP_PAGES = [
    "/sv/uppfoljning/{year}/",
    "/en/uppfoljning/{year}/",
    "/fi/uppfoljning/{year}/",
    "/ar/uppfoljning/{year}/",
]


def test_publishing_a_follow_up_purges_every_rounds_pages_the_strategy_and_the_api(
    cdn, django_capture_on_commit_callbacks
):
    from followup.models import FollowUpRound

    strategy = sv(StrategyPage).get()
    baseline = FollowUpRound.objects.get(is_baseline=True, locale__language_code="sv")
    follow_up = published_round(strategy, 2030)
    with django_capture_on_commit_callbacks(execute=True):
        follow_up.save_revision().publish()
    purged = paths(cdn)
    # Each round's page compares all the years: the baseline's changes too.
    for year in (2030, baseline.year):
        for page in FOLLOW_UP_PAGES:
            assert page.format(year=year) in purged
    for translation in in_every_locale(strategy):
        assert translation.url in purged
        assert f"/api/v3/follow-ups/?strategy={translation.pk}" in purged
        assert f"/api/v3/follow-ups/?strategy={translation.pk}&locale=en" in purged
    for pk in (follow_up.pk, baseline.pk):
        assert f"/api/v3/follow-ups/{pk}/" in purged and f"/api/v3/follow-ups/{pk}/?locale=ar" in purged


def test_approving_a_report_and_unpublishing_a_round_purge_its_page(cdn, django_capture_on_commit_callbacks):
    follow_up = published_round(sv(StrategyPage).get(), 2030)
    follow_up.save_revision().publish()
    report = follow_up.reports.first()
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    assert "/sv/uppfoljning/2030/" in paths(cdn) and f"/api/v3/follow-ups/{follow_up.pk}/?locale=sv" in paths(cdn)
    cdn.clear()
    follow_up.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        follow_up.unpublish()
    assert "/en/uppfoljning/2030/" in paths(cdn) and f"/api/v3/follow-ups/{follow_up.pk}/" in paths(cdn)
