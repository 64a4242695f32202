"""sitemap.xml, robots.txt, canonical URLs and the whole strategy on one page."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from pages.models import ChapterPage, HomePage, StrategyPage
from tests.content import sv
from tests.factories import ChapterPageFactory, StrategyPageFactory, translate
from tests.site_text import live_pages, read

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return {
        urlsplit(url.find("s:loc", NS).text).path: {
            link.get("hreflang"): urlsplit(link.get("href")).path for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_the_sitemap_lists_every_live_public_page_in_every_language_with_its_alternates(client, built):
    strategy = built.strategy
    for code in ("en", "fi", "ar"):
        translate(strategy, code)
    entries = sitemap(client)
    pages = live_pages()
    assert {page.url for page in pages} <= set(entries)
    alternates = entries[strategy.url]
    assert set(alternates) == {"sv", "en", "fi", "ar"}
    assert alternates["en"] == strategy.get_translation(_locale("en")).url
    # The whole strategy on one page is listed too, with its own alternates.
    whole = strategy.url + "hela-strategin/"
    assert whole in entries and set(entries[whole]) == {"sv", "en", "fi", "ar"}


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_the_sitemap_leaves_out_drafts_and_private_pages(client, built):
    strategy = built.strategy
    draft = ChapterPageFactory(parent=strategy, title="Utkast", slug="utkast-i-sitemap", live=False)
    private = ChapterPageFactory(parent=strategy, slug="privat-i-sitemap")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    below = ChapterPageFactory(parent=private, slug="under-privat")
    paths = set(sitemap(client))
    assert not {draft.url, private.url, below.url} & paths
    assert not [path for path in paths if "utkast-i-sitemap" in path or "privat" in path]


def test_the_sitemap_costs_the_same_queries_with_few_or_many_pages(client, built):
    def queries():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
        return len(captured)

    before = queries()
    strategy = built.strategy
    for index in range(20):
        ChapterPageFactory(parent=strategy, slug=f"extra-{index}")
    assert queries() == before


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_every_page_names_its_canonical_url(public_site):
    for page in live_pages():
        html = public_site[page.url][1].content.decode()
        assert f'<link rel="canonical" href="{page.full_url}">' in html, page.url


def test_the_whole_strategy_has_every_chapter_in_reading_order_with_nested_headings(client, built):
    strategy = built.strategy
    response = client.get(strategy.url + "hela-strategin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<link rel="canonical" href="{strategy.full_url}hela-strategin/">' in html
    headings = read(html).headings
    chapters = ChapterPage.objects.descendant_of(strategy).live().order_by("path")
    expected = [(chapter.depth - strategy.depth + 1, chapter.title) for chapter in chapters]
    chapter_headings = [heading for heading in headings if heading in expected]
    assert chapter_headings == expected
    # The chapters' bodies are there, e.g. the contact's number as a tel: link.
    assert ("tel:+4620616060", "020-61 60 60") in read(html).links


def test_the_whole_strategy_costs_the_same_queries_with_few_or_many_chapters(client):
    home = sv(HomePage).get()
    body = list(ChapterPage.objects.get(slug="bilaga-2-kontaktuppgifter", locale=home.locale).body.raw_data)

    def strategy_with(count):
        strategy = StrategyPageFactory(parent=home)
        for _ in range(count):
            ChapterPageFactory(parent=strategy, body=[dict(block) for block in body])
        return strategy

    def queries(strategy):
        client.get(strategy.url + "hela-strategin/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(strategy.url + "hela-strategin/")
        assert response.status_code == 200
        return len(captured)

    few, many = strategy_with(2), strategy_with(25)
    assert queries(many) == queries(few)


def test_the_strategy_page_links_to_the_whole_strategy(client, built):
    strategy = built.strategy
    links = read(client.get(strategy.url).content.decode()).links
    assert (strategy.url + "hela-strategin/", "Hela strategin på en sida, för utskrift") in links


def test_the_language_switcher_lists_the_languages_in_one_order_everywhere(client):
    def switcher(path):
        html = client.get(path).content.decode()
        block = html.split('class="language-switcher"', 1)[1].split("</ul>", 1)[0]
        return re.findall(r'hreflang="([a-z]+)"', block)

    for path in ("/sv/", "/ar/", "/fi/haku/?q=poliisi", "/ar/search/?q=112", "/en/"):
        assert switcher(path) == ["sv", "en", "fi", "ar"], path


WHOLE = {
    "sv": "hela-strategin/",
    "en": "whole-strategy/",
    "fi": "koko-strategia/",
    "ar": quote("الاستراتيجية-كاملة") + "/",
}


def strategies():
    return {
        strategy.locale.language_code: strategy for strategy in StrategyPage.objects.live().select_related("locale")
    }


def test_the_whole_strategy_has_an_address_in_each_language(client):
    for code, strategy in strategies().items():
        assert client.get(strategy.url + WHOLE[code]).status_code == 200, code
        links = [href for href, _text in read(client.get(strategy.url).content.decode()).links]
        assert strategy.url + WHOLE[code] in links, code
        assert strategy.url + "hela-strategin/" not in links or code == "sv"


@pytest.mark.parametrize("code", ["en", "fi", "ar"])
def test_the_swedish_address_and_the_other_languages_addresses_redirect_to_the_readers(client, code):
    strategy = strategies()[code]
    for other, slug in WHOLE.items():
        if other != code:
            response = client.get(strategy.url + slug)
            assert response.status_code == 301, other
            assert response["Location"] == strategy.url + WHOLE[code]


def test_a_chapter_or_an_unknown_address_below_a_strategy_is_not_the_whole_strategy(client):
    strategy = strategies()["en"]
    chapter = ChapterPage.objects.child_of(strategy).live().first()
    assert client.get(chapter.url).status_code == 200
    assert client.get(strategy.url + "hela-strategin-x/").status_code == 404


def test_sitemap_hreflang_and_the_language_switcher_agree_on_the_whole_strategys_addresses(client):
    by_code = {code: strategy.url + WHOLE[code] for code, strategy in strategies().items()}
    entries = sitemap(client)
    for code, path in by_code.items():
        assert entries[path] == by_code, code
        html = client.get(path).content.decode()
        hreflang = dict(re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="https?://[^/"]+([^"]+)">', html))
        assert hreflang == by_code, code
        switcher = html.split('class="language-switcher"', 1)[1].split("</ul>", 1)[0]
        assert {b: a for a, b in re.findall(r'href="([^"]+)" lang="([a-z]+)"', switcher)} == by_code, code
