"""Finding the way through a strategy: previous and next in reading order, in every language, and the
whole strategy's own table of contents. The layout is measured in tests/browser/test_finding_the_way.py."""

import pytest
import yaml
from bs4 import BeautifulSoup

from pages.content_package.keys import translation_key
from pages.content_package.reader import DEFAULT_PATH
from pages.models import ChapterPage, StrategyPage

pytestmark = pytest.mark.django_db


def package_reading_order():
    """The chapters' translation keys in the package's order, depth first: the document's reading order."""
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))

    def walk(chapters, path):
        for chapter in chapters:
            here = f"{path}/{chapter['slug']}"
            yield translation_key("page", here)
            yield from walk(chapter.get("children") or [], here)

    return list(walk(data["strategy"]["chapters"], "strategy"))


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def follow(client, url, rel):
    """The pages met by following rel=next (or prev) links from `url` to the end, with each link's label."""
    met = []
    while True:
        html = soup(client, url)
        link = html.select_one(f"a[rel={rel}]")
        head = html.select_one(f"link[rel={rel}]")
        if link is None:
            assert head is None, url
            return met
        assert head["href"] == link["href"]
        url = link["href"]
        met.append((url, link.select_one(".pager__label").get_text(strip=True).rstrip(":")))


def chapter_at(url):
    return next(page for page in ChapterPage.objects.live() if page.url == url)


@pytest.mark.parametrize(("code", "label"), [("sv", "Nästa"), ("en", "Next"), ("ar", "التالي")])
def test_next_links_walk_every_chapter_in_the_documents_order_in_each_language(client, code, label):
    strategy = StrategyPage.objects.get(locale__language_code=code)
    met = follow(client, strategy.url, "next")
    assert [chapter_at(url).translation_key for url, _label in met] == package_reading_order()
    assert {found for _url, found in met} == {label}
    assert all(chapter_at(url).locale.language_code == code for url, _label in met)


@pytest.mark.parametrize(("code", "label"), [("sv", "Föregående"), ("ar", "السابق")])
def test_previous_links_walk_back_to_the_strategy(client, code, label):
    strategy = StrategyPage.objects.get(locale__language_code=code)
    last = ChapterPage.objects.get(translation_key=package_reading_order()[-1], locale__language_code=code)
    met = follow(client, last.url, "prev")
    assert [url for url, _label in met][-1] == strategy.url
    keys = [chapter_at(url).translation_key for url, _label in met[:-1]]
    assert keys == package_reading_order()[-2::-1]
    assert {found for _url, found in met} == {label}


def test_a_chapter_without_a_live_translation_is_skipped(client):
    order = package_reading_order()
    before, missing, after = (
        ChapterPage.objects.get(translation_key=key, locale__language_code="ar") for key in order[2:5]
    )
    missing.unpublish()
    html = soup(client, before.url)
    assert html.select_one("a[rel=next]")["href"] == after.url
    assert soup(client, after.url).select_one("a[rel=prev]")["href"] == before.url
    # The Swedish chapter is still there, and so is its place in the Swedish order.
    swedish = ChapterPage.objects.get(translation_key=order[2], locale__language_code="sv")
    assert soup(client, swedish.url).select_one("a[rel=next]")["href"].endswith(f"/{missing.slug}/")


def test_the_table_of_contents_marks_the_current_chapter_only(client):
    chapter = ChapterPage.objects.get(translation_key=package_reading_order()[3], locale__language_code="sv")
    current = soup(client, chapter.url).select("nav.toc--aside [aria-current]")
    assert [(link.name, link["aria-current"], link["href"]) for link in current] == [("a", "page", chapter.url)]


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_whole_strategy_starts_with_contents_that_link_to_every_heading_on_the_page(client, code):
    strategy = StrategyPage.objects.get(locale__language_code=code)
    html = soup(client, strategy.url + strategy.whole_strategy_path)
    ids = [element["id"] for element in html.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    contents = html.select_one("main nav.toc")
    # Before the strategy's own texts and every chapter.
    assert contents.find_next("h2", id="inledning") is not None
    targets = [link["href"] for link in contents.select("a")]
    assert all(href.startswith("#") for href in targets)
    headings = [html.find(id=href[1:]) for href in targets]
    assert all(heading is not None and heading.name in {"h2", "h3", "h4"} for heading in headings), targets
    chapters = ChapterPage.objects.descendant_of(strategy).live()
    assert len(targets) == 3 + chapters.count()
    # Each chapter's link text is its heading: the contents and the page agree.
    assert [link.get_text(strip=True) for link in contents.select("a")] == [h.get_text(strip=True) for h in headings]


def test_chapter_anchors_stay_the_same_when_the_site_is_loaded_again(client):
    strategy = StrategyPage.objects.get(locale__language_code="sv")
    html = soup(client, strategy.url + strategy.whole_strategy_path)
    anchors = [link["href"] for link in html.select("main nav.toc a")]
    # Named for each chapter's place in the tree, which the package fixes: not a database id.
    assert "#kapitel-aktorer" in anchors
    assert "#kapitel-samverkan/regionalt-arbete" in anchors
