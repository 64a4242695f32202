"""The strategy on paper: content in ink, no controls, an address printed once, chapters that run on."""

import re
import tempfile
from pathlib import Path

import pytest

# One worker runs the module: its follow-up is written into that worker's server once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("print")]

STRATEGY = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/"
PDFS = Path(tempfile.gettempdir()) / "shots" / "public-site2"

BACKGROUNDS = """() => [...document.querySelectorAll('body *')]
    .filter((el) => el.offsetParent !== null || el === document.body)
    .map((el) => [el.className || el.tagName, getComputedStyle(el)])
    .map(([name, style]) => [name, style.backgroundColor, style.backgroundImage])
    .filter(([, colour, image]) => (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') || image !== 'none')
    .map(([name]) => String(name))"""


@pytest.fixture
def printed(browser):
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


def after(locator):
    return locator.evaluate("(link) => getComputedStyle(link, '::after').content")


@pytest.mark.parametrize("path", ["/sv/", STRATEGY + "bilaga-2-kontaktuppgifter/", "/sv/sok/?q=polisen"])
def test_print_has_no_backgrounds_and_no_controls(printed, server, path):
    printed.goto(f"{server}{path}")
    assert printed.evaluate(BACKGROUNDS) == []
    for control in ("input", "button", ".quick-exit", ".language-switcher", ".site-search", ".search-form"):
        for element in printed.locator(control).all():
            assert not element.is_visible(), (path, control)
    assert printed.locator("h1").is_visible()


def test_a_link_whose_text_is_its_address_prints_the_address_once(printed, server):
    printed.goto(f"{server}{STRATEGY}bilaga-2-kontaktuppgifter/")
    own = printed.locator("a.external", has_text="www.nmtsverige.se").first
    assert own.text_content().strip() == "www.nmtsverige.se"
    assert after(own) in ("none", '""', "normal")
    # A link worded otherwise still has its address spelled out on paper.
    printed.goto(f"{server}/sv/tillganglighetsredogorelse/")
    worded = printed.locator("a.external", has_text="anmäla det till Digg")
    assert "https://www.digg.se/tdosanmalan" in after(worded)


def test_the_whole_strategy_does_not_start_every_chapter_on_a_new_page(printed, server):
    printed.goto(f"{server}{STRATEGY}hela-strategin/")
    chapters = printed.locator(".whole-chapter")
    assert chapters.count() >= 10
    assert {chapter.evaluate("(el) => getComputedStyle(el).breakBefore") for chapter in chapters.all()} == {"auto"}
    for heading in printed.locator("main h2, main h3").all()[:20]:
        assert heading.evaluate("(el) => getComputedStyle(el).breakAfter") == "avoid"
    pdf = printed.pdf(format="A4")
    PDFS.mkdir(parents=True, exist_ok=True)
    (PDFS / "sv-whole-strategy.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Run on, the chapters fill their pages: fewer sheets than chapters plus a cover page each.
    assert 0 < pages < chapters.count() + 1


# The follow-up on paper: a published round with a long Swedish compound in a narrow table cell.
FOLLOW_UP = """
import datetime
from followup.models import ActivityStatus
from followup.rounds import open_round
from pages.models import StrategyPage
strategy = StrategyPage.objects.get(locale__language_code="sv")
follow_up = open_round(strategy, 2032, datetime.date(2032, 1, 1), datetime.date(2032, 2, 1))
report = follow_up.reports.get(actor__name="Polisen")
activity = report.activities.first()
activity.status = ActivityStatus.CARRIED_OUT
activity.done = "Informationsinsatserna genomfördes på samtliga hotell i kommunen under våren."
activity.target_group = "Hotellochrestaurangbranschensnattportiersochstädpersonal"
activity.save()
report.save_revision().publish()
follow_up.compiled_on = datetime.date(2032, 3, 1)
follow_up.save()
follow_up.save_revision().publish()
"""
# Paper less Chromium's default 10 mm print margins, in CSS pixels: the width a printed page lays out in.
PAPER_WIDTHS = {"A4": 718, "A5": 484}

MEASURE = """() => {
    const name = (el) => el.tagName.toLowerCase() + ' ' + (el.textContent || '').trim().slice(0, 40);
    const width = document.documentElement.clientWidth;
    const shown = (el) => el.getClientRects().length > 0;
    const outside = [...document.querySelectorAll('main *')].filter(shown).filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
    }).map(name);
    const clipped = [...document.querySelectorAll('main th, main td, main .table-scroll, main figure, main li, main p')]
        .filter(shown).filter((el) => el.scrollWidth > el.clientWidth + 1).map(name);
    const tables = [...document.querySelectorAll('main table')].map((table) => ({
        display: getComputedStyle(table).display,
        head: getComputedStyle(table.tHead).display,
        columns: [...table.tHead.rows[0].cells].filter((cell) => cell.getBoundingClientRect().width > 0).length,
        declaredColumns: table.tHead.rows[0].cells.length,
        rows: [...table.tBodies[0].rows].filter((row) => row.getBoundingClientRect().height > 0).length,
        declaredRows: table.tBodies[0].rows.length,
        rowsBreak: [...new Set([...table.tBodies[0].rows].map((row) => getComputedStyle(row).breakInside))],
    }));
    const controls = 'nav a, .breadcrumbs, .language-switcher, .site-search, .quick-exit';
    const navigation = [...document.querySelectorAll(controls)].filter((el) => el.checkVisibility()).map(name);
    return {outside, clipped, tables, navigation, pageWidth: width};
}"""


@pytest.fixture(scope="module")
def follow_up_printed(server_shell):
    server_shell(FOLLOW_UP)
    return "/uppfoljning/2032/"


@pytest.mark.parametrize(("language", "paper"), [("sv", "A4"), ("ar", "A4"), ("sv", "A5")])
def test_the_follow_up_prints_whole_without_navigation_or_clipping(browser, server, follow_up_printed, language, paper):
    width = PAPER_WIDTHS[paper]
    context = browser.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{server}/{language}{follow_up_printed}")
    assert page.locator("h1").is_visible()
    assert "Hotellochrestaurangbranschens" in page.locator("main").inner_text()
    measured = page.evaluate(MEASURE)
    assert measured["pageWidth"] == width
    assert measured["navigation"] == []
    assert measured["outside"] == []
    assert measured["clipped"] == []
    tables = measured["tables"]
    assert len(tables) == 2  # Polisen's activities (the one approved report), and the year-over-year table
    for table in tables:
        # Tables, also on narrow paper (not the phone's cards); every column and row printed; no row split
        # across two sheets; the column heads repeated on each sheet a table runs onto.
        assert table["display"] == "table" and table["head"] == "table-header-group"
        assert table["columns"] == table["declaredColumns"] and table["rows"] == table["declaredRows"] > 0
        assert table["rowsBreak"] == ["avoid"]
    # The chart fits the page.
    chart = page.locator("svg.follow-up-chart").bounding_box()
    assert chart["width"] <= width
    pdf = page.pdf(format=paper, margin=dict.fromkeys(("top", "right", "bottom", "left"), "10mm"))
    PDFS.mkdir(parents=True, exist_ok=True)
    (PDFS / f"{language}-follow-up-{paper}.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    context.close()
