import itertools
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.conf.locale import LANG_INFO

from pages.models import ChapterPage
from snippets.models import Actor
from tests.content import sv
from tests.factories import ActorFactory, ChapterPageFactory, ContactFactory, ResourceFactory, publish, rich_text
from tests.site_text import read

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def rendered(public_site):
    return [(page, response) for page, response in public_site.values() if page is not None]


def test_every_live_page_renders(rendered):
    assert len(rendered) >= 19 * len(settings.LANGUAGES)
    assert [(page.url, response.status_code) for page, response in rendered if response.status_code != 200] == []


def test_every_page_has_its_language_and_direction_one_h1_and_headings_in_order(rendered):
    for page, response in rendered:
        html = response.content.decode()
        code = page.locale.language_code
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html, page.url
        levels = [level for level, _text in read(html).headings]
        assert levels.count(1) == 1 and levels[0] == 1, (page.url, levels)
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == [], (page.url, levels)


def test_every_page_has_a_working_skip_link_right_after_the_quick_exit(rendered):
    for page, response in rendered:
        html = response.content.decode()
        header = html.split('<div class="site-header__main">', 1)[0]
        links = re.findall(r"<a [^>]*href=\"([^\"]+)\"", header)
        assert links[-1] == "#main", page.url
        assert 'id="main"' in html


def test_no_interface_string_is_left_in_english(rendered):
    """Every template string shows its translation: an English msgid on a non-English page means a missing one."""
    # Language names are shown in their own language by the switcher ("English" on every page).
    names = {LANG_INFO[code]["name"] for code, _name in settings.LANGUAGES}
    catalogue = polib.pofile(str(CATALOGUE))
    english = {e.msgid for e in catalogue if e.msgstr != e.msgid and len(e.msgid) > 3 and e.msgid not in names}
    # Compiled once: there are more msgids than the re module keeps compiled, so re.search compiled each anew.
    pattern = {msgid: re.compile(rf"(?<!\w){re.escape(msgid)}(?!\w)") for msgid in english}
    for page, response in rendered:
        if page.locale.language_code == "en":
            continue
        text = read(response.content.decode()).text
        assert [msgid for msgid in english if pattern[msgid].search(text)] == [], page.url


@pytest.mark.parametrize(
    "path",
    sorted(CATALOGUE.parents[2].glob("*/LC_MESSAGES/*.po")),
    ids=lambda path: str(path.relative_to(CATALOGUE.parents[2])),
)
def test_catalogue_is_complete(path):
    catalogue = polib.pofile(str(path))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy


def test_breadcrumbs_lead_from_home_to_the_page(client, built):
    chapter = built.region
    html = client.get(chapter.url).content.decode()
    trail = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', html, re.S).group(1)
    titles = re.findall(r">([^<]+)</a>", trail)
    assert titles == [
        built.strategy.get_parent().title,
        built.strategy.title,
        "Bakgrund",
        "Läget i regionen",
    ]
    assert 'aria-current="page"' in trail


def test_the_strategy_page_lists_every_chapter_in_its_table_of_contents(client, built):
    strategy = built.strategy
    strategy.decision_paragraph = "§ 24"
    publish(strategy)
    html = client.get(strategy.url).content.decode()
    toc = re.search(r'<nav class="toc"[^>]*>(.*?)</nav>', html, re.S).group(1)
    for chapter in sv(ChapterPage).live().descendant_of(strategy):
        assert f'href="{chapter.url}"' in toc, chapter.title
    # The date and "§ 24" are isolated left to right (pages/bidi.py); the reader sees one sentence.
    assert "Fastställt av Kommunfullmäktige 2023-01-31 § 24" in read(html).text


def test_the_table_of_every_actors_activities_is_accessible(client, built):
    organisation = publish(ActorFactory(name="Testkommunen"))
    publish(ActorFactory(name="Testenheten", parent=organisation, ongoing=["Föreläser"], future=["Utbildar"]))
    publish(ActorFactory(name="Testföreningen", ongoing=["Stödsamtal"]))
    body = [("actor_matrix", {"caption": "Nätverkets aktiviteter"})]
    chapter = publish(ChapterPageFactory(parent=built.strategy, title="Aktiviteter", body=body))
    html = client.get(chapter.url).content.decode()
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    assert re.search(r"<caption[^>]*>Nätverkets aktiviteter</caption>", table)
    assert table.count('scope="col"') == 3
    rows = re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', table)
    # A row per actor of the page's language with activities (the shipped ones too), a unit named with its
    # organisation; the organisation itself has no activities and no row.
    with_activities = sv(Actor).filter(live=True, responsibilities__isnull=False).distinct()
    assert len(rows) == with_activities.count()
    assert {"Testkommunen, Testenheten", "Testföreningen"} <= set(rows)
    assert "Testkommunen" not in rows


def test_contacts_are_cards_with_tel_links(client, built):
    police = publish(ContactFactory(name="Polisen", phone="114 14"))
    body = [("contacts", {"contacts": [built.contact, police]})]
    chapter = publish(ChapterPageFactory(parent=built.strategy, title="Kontaktuppgifter", body=body))
    html = client.get(chapter.url).content.decode()
    links = read(html).links
    assert ("tel:+4620616060", "020-61 60 60") in links
    assert ("tel:11414", "114 14") in links
    assert html.count('class="contact-card"') == 2


def test_external_links_are_marked_in_rich_text_and_snippets(client, built):
    text = 'Läs <a href="https://example.org/rapport">rapporten</a> på <a href="https://example.org/">https://example.org/</a>.'
    in_text = publish(ChapterPageFactory(parent=built.strategy, title="Fördjupning", body=rich_text(text)))
    body = [("resources", {"resources": [publish(ResourceFactory())]})]
    in_snippet = publish(ChapterPageFactory(parent=built.strategy, title="Länkar", body=body))
    for chapter in [in_text, in_snippet]:
        html = client.get(chapter.url).content.decode()
        links = re.findall(r'<a href="https?://[^"]+"[^>]*>', html)
        assert links, chapter.title
        # A link whose text is its address is also marked external--address (print leaves its address out).
        marked = re.compile(r'class="external(?: external--address)?"')
        assert all(marked.search(link) and 'aria-describedby="external-link-hint"' in link for link in links)
        assert 'id="external-link-hint"' in html


def test_an_unpublished_contact_disappears_from_the_site(client, built):
    contact, page = built.contact, built.help
    contact.description = "Samtalsstöd dygnet runt för den som säljer sex."
    publish(contact)
    assert "Samtalsstöd dygnet runt för den som säljer sex." in client.get(page.url).content.decode()
    contact.unpublish()
    assert "Samtalsstöd dygnet runt för den som säljer sex." not in client.get(page.url).content.decode()


def test_a_draft_change_of_a_contact_is_not_public(client, built):
    contact = built.contact
    contact.phone = "020-00 00 01"
    contact.save_revision()
    html = client.get(built.help.url).content.decode()
    assert "020-61 60 60" in html and "020-00 00 01" not in html


def test_a_draft_page_is_not_public(client, built):
    chapter = built.region
    url = chapter.url
    assert url in client.get(built.strategy.url).content.decode()
    chapter.unpublish()
    assert client.get(url).status_code == 404
    strategy_html = client.get(built.strategy.url).content.decode()
    assert url not in strategy_html


@pytest.mark.parametrize(
    "url", ["/sv/%00/", "/sv/?q=%00", "/api/v3/pages/?locale=sv%00", "/api/v3/pages/find/?html_path=/%00"]
)
def test_nul_bytes_are_a_bad_request_not_a_server_error(client, url):
    assert client.get(url).status_code == 400
