"""The strategy on paper: content in ink, no controls, an address printed once, chapters that run on."""

import re
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

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
