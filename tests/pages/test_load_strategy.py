from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from wagtail.models import Page, ReferenceIndex, Revision

from cms.models import TranslationReview
from followup.models import ActorReport, FollowUpRound
from pages.content_package.reader import DEFAULT_PATH
from pages.models import ChapterPage, StrategyPage
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource
from tests.content import sv

pytestmark = pytest.mark.django_db

SNIPPET_MODELS = [Actor, Concept, Contact, Goal, IndicatorCategory, Resource]


@pytest.fixture
def package():
    """A fresh copy each time: tests change it to make invalid or edited packages."""
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


def state():
    """Everything a load writes, as counts and identities, to compare two runs."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "live", "has_unpublished_changes")),
        "revisions": Revision.objects.count(),
        "references": ReferenceIndex.objects.count(),
        **{model.__name__: sorted(model.objects.values_list("pk", "live")) for model in SNIPPET_MODELS},
    }


def load(path=DEFAULT_PATH):
    out = StringIO()
    call_command("load_strategy", file=str(path), stdout=out)
    return out.getvalue()


def test_a_second_load_changes_nothing(client):
    """Loading the unchanged package again (a load costs seconds, so one load answers for all of these):
    nothing changes, progress is printed per kind, the translations are imported without changes and stay
    unreviewed, and the follow-up's baseline round and reports keep their revisions."""
    before = state()
    pages = Page.objects.count()
    reports = list(ActorReport.objects.values_list("pk", "latest_revision_id"))
    output = load()
    assert state() == before
    assert "0 created, 0 updated" in output

    # It prints its progress per kind.
    for label in ["actors", "contacts", "concepts", "goals", "resources", "chapters"]:
        assert f"\n{label}:" in f"\n{output}"

    # The translations can be reimported without changes.
    for code in ["en", "fi", "ar"]:
        assert f"{code}: 0 translated" in output
    assert Page.objects.count() == pages

    # Loading the package leaves the shipped translations unreviewed.
    assert not TranslationReview.objects.exists()
    for code in ["en", "fi", "ar"]:
        strategy = StrategyPage.objects.get(locale__language_code=code)
        assert client.get(f"/api/v3/pages/{strategy.pk}/").json()["translation"]["reviewed"] is False

    # Loading the strategy again changes no follow-up round or report.
    assert Revision.objects.count() == before["revisions"]
    assert list(ActorReport.objects.values_list("pk", "latest_revision_id")) == reports
    assert FollowUpRound.objects.filter(is_baseline=True).count() == 1


def test_a_changed_package_updates_only_what_changed(tmp_path, package):
    package["contacts"][0]["phone"] = "020-61 60 61"
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(package, allow_unicode=True), encoding="utf-8")
    revisions = Revision.objects.count()

    output = load(path)

    contact = sv(Contact).get(name=package["contacts"][0]["name"])
    assert (contact.phone, contact.phone_dialable, contact.live) == ("020-61 60 61", "+4620616061", True)
    assert Revision.objects.count() == revisions + 1
    assert "Done: 0 created, 1 updated" in output


def test_an_invalid_package_writes_nothing_and_names_every_problem(tmp_path, package):
    package["contacts"][0]["name"] = "Changed before the error is found"
    package["contacts"][1]["phone"] = "ring mig"
    package["contacts"][2]["url"] = "not a url"
    package["strategy"]["chapters"][0]["body"].append({"type": "contacts", "value": {"contacts": ["nobody"]}})
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(package, allow_unicode=True), encoding="utf-8")
    before = state()

    with pytest.raises(CommandError) as error:
        load(path)

    message = str(error.value)
    assert "nothing was written" in message
    assert f"contacts[{package['contacts'][1]['key']}].phone" in message
    assert f"contacts[{package['contacts'][2]['key']}].url" in message
    assert "no contacts 'nobody'" in message
    assert state() == before


def test_a_package_that_is_not_yaml_is_rejected(tmp_path):
    path = tmp_path / "strategy.yaml"
    path.write_text("strategy: [unclosed", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was written"):
        load(path)


def test_everything_in_the_package_is_live(package):
    for kind, model in [
        ("actors", Actor),
        ("contacts", Contact),
        ("concepts", Concept),
        ("goals", Goal),
        ("indicator_categories", IndicatorCategory),
        ("resources", Resource),
    ]:
        assert sv(model).filter(live=True, has_unpublished_changes=False).count() == len(package[kind]), kind


def test_chapters_follow_the_package_order(package):
    strategy = sv(StrategyPage).get(slug=package["strategy"]["slug"])

    def titles(chapters):
        return [(c["title"], titles(c.get("children") or [])) for c in chapters]

    def tree(page):
        return [(child.title, tree(child)) for child in page.get_children().type(ChapterPage)]

    assert tree(strategy) == titles(package["strategy"]["chapters"])


def test_the_package_contacts_are_published_with_their_fields(package):
    for item in package["contacts"]:
        item = {field: value or "" for field, value in item.items()}
        contact = sv(Contact).get(name=item["name"], description=item["description"], phone=item["phone"])
        assert (contact.url, contact.extension, contact.availability, contact.live) == (
            item["url"],
            item["extension"],
            item["availability"],
            True,
        )


def test_the_home_page_is_the_site_root_and_leads_to_the_strategy(client, package):
    response = client.get("/sv/")
    assert response.status_code == 200
    strategy = sv(StrategyPage).get()
    assert f'href="{strategy.url}"' in response.content.decode()
    assert client.get("/").url == "/sv/"


@pytest.mark.postgresql
def test_a_load_leaves_postgresql_the_statistics_it_plans_with():
    """Autovacuum may be off or not have run yet: without statistics PostgreSQL planned the strategy
    document's snippet queries as nested loops over the reference index, three times slower."""
    from django.db import connection

    tables = ["wagtailcore_page", "wagtailcore_referenceindex", "snippets_actor", "snippets_contact"]
    with connection.cursor() as cursor:
        # Rolled back with the test: the copied database starts with the statistics its build left.
        cursor.execute("DELETE FROM pg_statistic WHERE starelid = ANY(%s::regclass[])", [tables])
        load()
        cursor.execute("SELECT DISTINCT tablename FROM pg_stats WHERE tablename = ANY(%s)", [tables])
        assert sorted(row[0] for row in cursor.fetchall()) == sorted(tables)
