"""Each endpoint: what the municipal site will rely on. The endpoints' behaviour is asserted on a strategy
built here; the tests that read the shipped strategy check that its content (the indicators, the source's
phone numbers, the name explanations) comes through the API whole."""

import pytest
from django.conf import settings

from pages.models import ChapterPage, StrategyPage
from tests.content import sv
from tests.factories import (
    ActorFactory,
    ChapterPageFactory,
    ConceptFactory,
    ContactFactory,
    GoalFactory,
    IndicatorCategoryFactory,
    ResourceFactory,
    publish,
    translate,
)
from tests.pages.test_source_completeness import SOURCE_NUMBERS_DIALLED

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(built):
    """The built strategy, with the governance facts the assertions read."""
    built.strategy.decision_paragraph = "§ 24"
    built.strategy.intro = "<p>Skellefteå strävar efter ett samhälle fritt från prostitution.</p>"
    publish(built.strategy)
    return built


@pytest.fixture
def translated(built):
    """The built strategy page in every other language (its chapters stay Swedish only)."""
    for code in ("en", "fi", "ar"):
        translate(built.strategy, code)
    return built


@pytest.fixture
def actors(built):
    """An organisation and its unit with five ongoing and four future activities, and a chapter that
    shows them: a list of both, the unit's role and the table of every actor's activities."""
    municipality = publish(ActorFactory(name="Testkommunen"))
    unit = ActorFactory(
        name="Testenheten",
        parent=municipality,
        role="<p>Testenheten har en viktig roll.</p>",
        ongoing=[f"Aktivitet {n}" for n in range(5)],
        future=[f"Aktivitet {n}" for n in range(4)],
    )
    publish(unit)
    body = [
        ("actors", {"actors": [municipality, unit]}),
        ("actor_role", {"actor": unit}),
        ("actor_matrix", {"caption": "Aktörernas aktiviteter"}),
    ]
    publish(ChapterPageFactory(parent=built.strategy, title="Aktörer", body=body))
    return municipality, unit


def blocks_of(document, block_type):
    def walk(chapters):
        for chapter in chapters:
            yield from (b for b in chapter["body"] if b["type"] == block_type)
            yield from walk(chapter["chapters"])

    return list(walk(document["chapters"]))


def test_the_strategy_list_leads_to_the_document(api, built):
    strategy = built.strategy
    listing = api("strategies/").json()
    # Every live Swedish strategy in the tree's order: the shipped one and the one built here.
    assert [item["id"] for item in listing["items"]] == list(
        sv(StrategyPage).live().order_by("path").values_list("pk", flat=True)
    )
    item = next(item for item in listing["items"] if item["id"] == strategy.pk)
    assert item["url"].endswith(strategy.url)


def test_the_document_has_the_governance_facts(api, built):
    strategy = built.strategy
    document = api(f"strategies/{strategy.pk}/").json()
    governance = document["governance"]
    assert (governance["decision_body"], governance["decision_date"], governance["decision_paragraph"]) == (
        "Kommunfullmäktige",
        "2023-01-31",
        "§ 24",
    )
    assert governance["document_date"] == "2022-08-24"
    assert "Skellefteå strävar efter" in document["intro"]


def test_the_document_has_every_chapter_in_tree_order(api, built):
    strategy = built.strategy
    document = api(f"strategies/{strategy.pk}/").json()

    def titles(chapters):
        return [(c["title"], titles(c["chapters"])) for c in chapters]

    def tree(page):
        return [(child.title, tree(child)) for child in page.get_children().live().type(ChapterPage)]

    assert titles(document["chapters"]) == tree(strategy)


def test_the_document_has_all_16_indicators_in_order(api, shipped_strategy):
    document = api(f"strategies/{shipped_strategy.pk}/").json()
    categories = [block["value"] for block in blocks_of(document, "indicators")]
    assert [(c["name"], len(c["indicators"])) for c in categories] == [
        ("Människohandel", 7),
        ("Prostitution", 6),
        ("Köp av sexuella tjänster", 3),
    ]
    assert categories[0]["indicators"][0] == "Kan inte kontakta familj/vänner"
    assert categories[2]["indicators"][0] == "Ansträngd ekonomi"


def test_the_document_has_every_phone_number_of_the_source_dialable(api, shipped_strategy):
    document = api(f"strategies/{shipped_strategy.pk}/").json()
    contacts = [c for b in blocks_of(document, "contacts") for c in b["value"]]
    contacts += [c for b in blocks_of(document, "contact_table") for c in b["value"]["contacts"]]
    numbers = {(c["phone"], c["phone_e164"]) for c in contacts if c["phone"]}
    assert set(SOURCE_NUMBERS_DIALLED.items()) <= numbers


def test_actor_blocks_carry_their_responsibilities(api, built, actors):
    document = api(f"strategies/{built.strategy.pk}/").json()
    matrix = blocks_of(document, "actor_matrix")[0]["value"]["actors"]
    unit = next(a for a in matrix if a["name"] == "Testenheten")
    assert len(unit["ongoing"]) == 5 and len(unit["future"]) == 4
    roles = {b["value"]["name"]: b["value"]["role"] for b in blocks_of(document, "actor_role")}
    assert "Testenheten har en viktig roll" in roles["Testenheten"]


@pytest.fixture
def glossary(built):
    """Concepts and goals that a chapter of the built strategy shows, chosen and created out of their order
    (after every shipped one), and a concept no page shows."""
    sexkop = publish(ConceptFactory(term="Sexköp", sort_order=10_001))
    handel = publish(ConceptFactory(term="Människohandel", sort_order=10_000))
    publish(ConceptFactory(term="Internt begrepp", sort_order=10_002))
    audiences = ["Professionella", "Arbetsgivare och organisationer", "Invånare"]
    free = publish(GoalFactory(title="Ett samhälle fritt från prostitution", sort_order=10_001, audiences=audiences))
    knowledge = publish(GoalFactory(title="Kunskap hos de professionella", sort_order=10_000))
    body = [
        ("concept", {"concept": sexkop}),
        ("concept", {"concept": handel}),
        ("goal_overview", {"goals": [free, knowledge]}),
    ]
    publish(ChapterPageFactory(parent=built.strategy, title="Begrepp och mål", body=body))
    return built


def test_the_document_lists_concepts_and_goals(api, glossary):
    document = api(f"strategies/{glossary.strategy.pk}/").json()
    terms = [c["term"] for c in document["concepts"]]
    # In the editors' order, not the chapter's; a concept no public page shows is not public.
    assert terms[-2:] == ["Människohandel", "Sexköp"]
    assert "Internt begrepp" not in terms
    assert [g["title"] for g in document["goals"]][-2:] == [
        "Kunskap hos de professionella",
        "Ett samhälle fritt från prostitution",
    ]
    assert document["goals"][-1]["audiences"] == ["Professionella", "Arbetsgivare och organisationer", "Invånare"]


def test_rich_text_links_are_absolute(api, built):
    strategy = built.strategy
    # A link to another chapter, stored as Wagtail stores one: by the page's id.
    link = f'<p>Se <a linktype="page" id="{built.help.pk}">var du får hjälp</a>.</p>'
    built.background.body = [{"type": "rich_text", "value": link}]
    publish(built.background)
    document = api(f"strategies/{strategy.pk}/").json()
    assert built.help.url in str(blocks_of(document, "rich_text"))
    for block in blocks_of(document, "rich_text"):
        assert 'href="/' not in block["value"]


# Each collection: how to make one, and the block a chapter shows it with (which makes it public).
SHOWN_BY = {
    "contacts": (ContactFactory, lambda contact: ("contacts", {"contacts": [contact]})),
    "actors": (ActorFactory, lambda actor: ("actors", {"actors": [actor]})),
    "indicators": (IndicatorCategoryFactory, lambda category: ("indicators", {"category": category})),
    "concepts": (ConceptFactory, lambda concept: ("concept", {"concept": concept})),
    "goals": (GoalFactory, lambda goal: ("goal", {"goal": goal})),
    "resources": (ResourceFactory, lambda resource: ("resources", {"resources": [resource]})),
}


def every_item(api, path):
    """The collection's count and every item, page by page (at most 20 to a page)."""
    first = api(f"{path}/?limit=20").json()
    items = first["items"]
    while len(items) < first["count"] and (more := api(f"{path}/?limit=20&offset={len(items)}").json()["items"]):
        items += more
    return first["count"], items


@pytest.mark.parametrize("path", list(SHOWN_BY))
def test_snippet_collections_list_and_detail(api, built, path):
    make, block = SHOWN_BY[path]
    # Both published; only the first is shown by a public page.
    shown, not_shown = publish(make()), publish(make())
    publish(ChapterPageFactory(parent=built.strategy, title="Visar", body=[block(shown)]))
    count, items = every_item(api, path)
    ids = [item["id"] for item in items]
    assert count == len(ids)
    assert shown.pk in ids and not_shown.pk not in ids
    assert api(f"{path}/{shown.pk}/").json() == items[ids.index(shown.pk)]


def test_indicators_are_grouped_by_category_in_order(api):
    items = api("indicators/").json()["items"]
    assert [len(c["indicators"]) for c in items] == [7, 6, 3]


def test_contacts_carry_the_number_as_shown_and_dialled(api, built):
    contact = built.contact
    contact.audience = "Prostituerade"
    publish(contact)
    items = api("contacts/?limit=20&offset=0").json()["items"] + api("contacts/?limit=20&offset=20").json()["items"]
    mika = next(c for c in items if c["id"] == contact.pk)
    assert (mika["phone"], mika["phone_e164"], mika["audience"]) == ("020-61 60 60", "+4620616060", "Prostituerade")


def test_actors_carry_their_hierarchy(api, actors):
    items = api("actors/").json()["items"]
    by_id = {a["id"]: a for a in items}
    unit = next(a for a in items if a["name"] == "Testenheten")
    assert by_id[unit["parent_id"]]["name"] == "Testkommunen"


def test_breadcrumbs_translations_and_navigation(api, translated):
    built = translated
    strategy = built.strategy
    crumbs = api(f"pages/{built.region.pk}/breadcrumbs/").json()
    assert [c["title"] for c in crumbs][-2:] == ["Bakgrund", "Läget i regionen"]
    assert [t["locale"] for t in api(f"pages/{strategy.pk}/translations/").json()] == ["ar", "en", "fi", "sv"]
    navigation = api("navigation/?depth=3").json()
    entry = next(entry for entry in navigation if entry["id"] == strategy.pk)
    chapter_titles = [c["title"] for c in entry["children"]]
    # The strategy's chapters in the tree's order.
    assert chapter_titles == ["Bakgrund", "Arbetssätt", "Var du får hjälp"]
    assert [c["title"] for c in entry["children"][0]["children"]] == ["Läget i regionen"]
    assert all(entry["children"] == [] for entry in api("navigation/?depth=1").json())


def test_wagtail_page_detail_exposes_the_page_fields(api, built):
    detail = api(f"pages/{built.strategy.pk}/").json()
    assert detail["decision_paragraph"] == "§ 24"
    chapter = built.region
    assert api(f"pages/{chapter.pk}/").json()["body"][0]["type"] == "rich_text"


@pytest.mark.parametrize(
    "path",
    ["contacts/999999/", "strategies/999999/", "pages/999999/translations/", "pages/999999/breadcrumbs/"],
)
def test_unknown_ids_are_404_problems(api, path):
    response = api(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_unknown_locale_is_a_400_listing_the_locales_that_exist(api, strategy):
    # An invalid parameter like any other (docs/decisions/0009), not a missing translation.
    response = api(f"strategies/{strategy.pk}/?locale=xx")
    assert response.status_code == 400
    assert response.json()["available_locales"] == sorted(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def test_the_page_listing_defaults_to_swedish(api, translated):
    built = translated
    strategy = built.strategy
    default = api("pages/?limit=20").json()["items"]
    assert {item["meta"]["locale"] for item in default} == {"sv"}
    assert {item["meta"]["locale"] for item in api("pages/?locale=en").json()["items"]} == {"en"}
    assert {i["meta"]["locale"] for i in api(f"pages/?translation_of={strategy.pk}").json()["items"]} == {
        "ar",
        "en",
        "fi",
    }


def test_actors_and_concepts_explain_their_swedish_names_in_the_requested_language(api):
    actors = api("actors/?locale=en&limit=20").json()["items"]
    polisen = next(a for a in actors if a["name"] == "Police (Polisen)")
    assert polisen["explanation"].startswith("Sweden's national police authority")
    assert api(f"actors/{polisen['id']}/?locale=en").json()["explanation"] == polisen["explanation"]
    # Kommunfullmäktige is no actor and no glossary chapter chooses it, but its explanation is on
    # every translated page that names it: the concept is public.
    concepts = api("concepts/?locale=ar&limit=20").json()["items"]
    council = next(c for c in concepts if "(Kommunfullmäktige)" in c["term"])
    assert council["explanation"] == "أعلى هيئة لاتخاذ القرار في البلدية، ينتخبها السكان."
