"""Swedish names on the translated site: a short explanation in the reader's language, once per page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale

from pages.content_package.reader import read_package
from pages.content_package.translations import export_po, read_po
from pages.models import StrategyPage
from pages.name_explanations import Explained, explain_names
from snippets.models import Actor, Concept
from tests.content import sv

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fi", "ar"]
SPAN = re.compile(r'<span class="name-explanation"> \[([^\]]*)\]</span>')


def translation(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


def whole_strategy(client, code):
    strategy = translation(sv(StrategyPage).get(), code)
    return client.get(strategy.url + strategy.whole_strategy_path).content.decode()


def visible_text_before(html, span_start):
    return re.sub(r"<[^>]*>", "", html[:span_start])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_actor_has_its_explanation_in_every_language(code):
    for actor in sv(Actor):
        translated = translation(actor, code)
        assert actor.explanation and translated.explanation, actor.name
        assert translated.explanation != actor.explanation, (code, actor.name)
    kommunfullmaktige = translation(sv(Concept).get(term="Kommunfullmäktige"), code)
    assert kommunfullmaktige.explanation


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_explanations_go_out_and_come_back_through_the_shipped_po_files(code):
    """An export of the loaded package carries each explanation exactly as the shipped file has it."""
    data = read_package()
    shipped = {e.msgctxt: e.msgstr for e in read_po(code) if e.msgctxt.endswith("|explanation")}
    exported = {
        e.msgctxt: e.msgstr
        for e in export_po(data, Locale.objects.get(language_code="sv"), Locale.objects.get(language_code=code))
        if e.msgctxt.endswith("|explanation")
    }
    assert len(shipped) == len(data["actors"]) + len([c for c in data["concepts"] if c.get("explanation")])
    assert exported == shipped
    polisen = translation(sv(Actor).get(name="Polisen"), code)
    assert shipped["actors:polisen|explanation"] == polisen.explanation


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_name_is_explained_once_right_after_its_first_mention(client, code):
    html = whole_strategy(client, code)
    main = html[html.index("<main") : html.index("</main>")]
    shown = SPAN.findall(main)
    assert len(shown) == len(set(shown)) >= 9
    polisen = translation(sv(Actor).get(name="Polisen"), code)
    span = main.index(f'<span class="name-explanation"> [{escape(polisen.explanation)}]</span>')
    before = visible_text_before(main, span)
    # The Swedish name in brackets, "Police (Polisen)", and the explanation after it.
    assert before.endswith("(Polisen)")
    # No earlier mention in running text: only headings, link texts and table headers come before it.
    running = re.sub(r"<(h[1-6]|a|th)\b.*?</\1>", "", main[:span], flags=re.S)
    assert re.sub(r"<[^>]*>", "", running).count("Polisen") == 1


def test_the_decision_body_is_explained_on_the_strategy_page(client):
    strategy = translation(sv(StrategyPage).get(), "en")
    html = client.get(strategy.url).content.decode()
    assert (
        'Kommunfullmäktige<span class="name-explanation"> '
        "[The municipality&#x27;s highest decision-making assembly, elected by the residents.]</span>"
    ) in html


def test_swedish_pages_explain_nothing(client):
    strategy = sv(StrategyPage).get()
    html = client.get(strategy.url + strategy.whole_strategy_path).content.decode()
    assert "name-explanation" not in html


def test_an_unpublished_explanation_is_not_shown(client):
    polisen = translation(sv(Actor).get(name="Polisen"), "en")
    polisen.unpublish()
    assert polisen.explanation not in whole_strategy(client, "en")


def test_an_editor_changes_the_explanation_and_readers_see_the_new_one(client):
    whole_strategy(client, "en")  # cached now
    polisen = translation(sv(Actor).get(name="Polisen"), "en")
    polisen.explanation = "Sweden's police, for crimes and for protection."
    polisen.save_revision().publish()
    assert "[Sweden&#x27;s police, for crimes and for protection.]" in whole_strategy(client, "en")


def test_the_cost_of_explaining_does_not_grow_with_the_number_of_names(client, settings):
    settings.PUBLIC_PAGE_CACHE = False
    english = Locale.objects.get(language_code="en")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            whole_strategy(client, "en")
        return len(captured)

    queries()  # what is fetched once per process (locales, the site) is fetched now
    before = queries()
    for number in range(30):
        Concept.objects.create(
            locale=english, term=f"Namn {number}", definition="<p>.</p>", explanation=f"Förklaring {number}.", live=True
        )
    assert queries() == before


ITEMS = [
    Explained(("Polisen", "Police (Polisen)"), "the police"),
    Explained(("Länsstyrelsen",), "the county's state agency"),
    Explained(("Migrationsverket",), "migration <b>agency</b>"),
]


def test_headings_and_link_texts_are_left_short():
    html = '<h2>Police (Polisen)</h2><p><a href="/x">Polisen</a> and Police (Polisen) here.</p>'
    assert explain_names(html, ITEMS) == (
        '<h2>Police (Polisen)</h2><p><a href="/x">Polisen</a> and Police (Polisen)'
        '<span class="name-explanation"> [the police]</span> here.</p>'
    )


def test_the_explanation_follows_the_whole_name_and_its_bracket():
    html = "<p>Länsstyrelsen Västerbotten paid (see Migrationsverket-virastolla) and Polisen.</p>"
    result = explain_names(html, ITEMS)
    assert "Länsstyrelsen Västerbotten<span" in result
    assert "Migrationsverket-virastolla)<span" in result
    assert "Polisen<span" in result


def test_an_explanation_is_text_never_markup():
    result = explain_names("<p>Migrationsverket</p>", ITEMS)
    assert "[migration &lt;b&gt;agency&lt;/b&gt;]" in result


def test_a_name_inside_a_longer_word_is_not_a_mention():
    assert explain_names("<p>Polisens och polisen</p>", ITEMS) == "<p>Polisens och polisen</p>"
