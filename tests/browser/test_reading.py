"""The public site read as a person at risk reads it, once, on a phone: numbers in the order they are
dialled, no stray markup, help that leads with 112, and focus that nothing sticky hides."""

import re
import tempfile
from pathlib import Path

import pytest

from .site_visits import DESKTOP, LOCALES, PHONE, WHOLE_STRATEGY_PATHS

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "shots" / "public-site"


def dialled_digits(href):
    """The digits someone dials, in order, from a tel: link: +46 stands for the leading 0."""
    number = href.removeprefix("tel:")
    return "0" + number.removeprefix("+46") if number.startswith("+46") else re.sub(r"\D", "", number)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_every_phone_number_on_every_arabic_page_reads_in_the_order_it_is_dialled(site_visits):
    arabic = [path for path in site_visits.paths if path.startswith("/ar/")]
    assert len(arabic) >= 22
    misread, checked = [], 0
    for viewport in (PHONE, DESKTOP):
        for path in arabic:
            for text, href, laid_out in site_visits.arabic_phone_links[path, viewport["width"]]:
                checked += 1
                if laid_out != dialled_digits(href):
                    misread.append((path, viewport["width"], text, href, laid_out))
    # Every page shows the banner's numbers; Bilaga 2 and the whole strategy show every contact.
    assert checked > 2 * 2 * len(arabic)
    assert misread == []


def test_dates_and_the_paragraph_reference_read_left_to_right_in_arabic(browser, server):
    context = browser.new_context(viewport=PHONE, locale="ar")
    page = context.new_page()
    page.goto(f"{server}/ar/")
    # The strategy page's own facts: the home page lists the same decision.
    with page.expect_navigation():
        page.locator(".link-list a").first.click()
    page.locator(".facts").wait_for()
    facts = page.locator(".decision")
    # "§ 24" and "2023-01-31" each as one left-to-right run: § before 24, the year before the day.
    for text in ("§ 24", "2023-01-31"):
        run = facts.locator("bdi", has_text=text)
        assert run.get_attribute("dir") == "ltr"
        boxes = run.evaluate(
            """(bdi) => [...bdi.textContent].map((c, i) => {
                const r = document.createRange(); r.setStart(bdi.firstChild, i); r.setEnd(bdi.firstChild, i + 1);
                return r.getBoundingClientRect().left; })"""
        )
        assert boxes == sorted(boxes), text
    shot(page, "ar-375-strategy")
    context.close()


LEAK = re.compile(
    r"\{#|#\}|\{%|%\}|\{\{|\}\}|</?(?:p|a|b|i|em|strong|ul|ol|li|br|h[1-6]|div|span)\b[^>]*>|&(?:lt|gt|amp|quot|#\d+);"
)


def test_no_page_shows_template_syntax_or_escaped_markup(site_visits):
    whole = [path for path in site_visits.paths if path.endswith(WHOLE_STRATEGY_PATHS)]
    assert len(whole) == len(LOCALES)
    # The whole strategy is read on screen and as printed.
    assert all(len(site_visits.pages[path].texts) == 2 for path in whole)
    leaks = {}
    for path in site_visits.paths:
        found = [leak for text in site_visits.pages[path].texts for leak in LEAK.findall(text)]
        if found:
            leaks[path] = sorted(set(found))
    assert leaks == {}


# Focus and the sticky bar

BOXES = """
() => {
    const box = (el) => {
        const r = el.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
    };
    const focused = document.activeElement;
    const bar = document.querySelector(".quick-exit-bar");
    const r = focused.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
    const seen = document.elementFromPoint(x, y);
    return {
        name: focused.className || focused.id || focused.tagName,
        text: (focused.textContent || "").trim().slice(0, 40),
        inBar: bar.contains(focused),
        page: focused === document.body || focused === document.documentElement,
        focused: box(focused),
        bar: box(bar),
        uncovered: !!seen && (focused === seen || focused.contains(seen)),
        viewport: [innerWidth, innerHeight],
    };
}
"""


def covered_by_the_bar(boxes):
    focused, bar = boxes["focused"], boxes["bar"]
    # Past the last control focus leaves the document for the browser's own controls.
    if boxes["inBar"] or boxes["page"] or focused["bottom"] - focused["top"] == 0:
        return False
    return focused["top"] < bar["bottom"] and focused["bottom"] > bar["top"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_skip_link_shows_uncovered_when_focused(browser, server, code, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    for _ in range(3):
        page.keyboard.press("Tab")
    boxes = page.evaluate(BOXES)
    shot(page, f"{code}-{viewport['width']}-skip-link")
    assert boxes["name"] == "skip-link"
    assert boxes["focused"]["top"] >= 0 and boxes["focused"]["left"] >= 0
    assert boxes["focused"]["right"] <= viewport["width"]
    assert not covered_by_the_bar(boxes), boxes
    assert boxes["uncovered"], boxes
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_no_focused_element_is_under_the_sticky_bar_forwards_or_backwards(browser, server, code, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    # The strategy page: its contents list, then long sections; Bilaga 2: the contact cards and their numbers.
    with page.expect_navigation():
        page.locator(".link-list a").first.click()
    pages = [page.url]
    with page.expect_navigation():
        page.locator(".toc a[href$='bilaga-2-kontaktuppgifter/']").click()
    pages.append(page.url)
    under = []
    for url in pages:
        page.goto(url)
        for key in ["Tab"] * 45 + ["Shift+Tab"] * 45:
            page.keyboard.press(key)
            boxes = page.evaluate(BOXES)
            if covered_by_the_bar(boxes):
                under.append((url, key, boxes["name"], boxes["text"], boxes["focused"]["top"], boxes["bar"]["bottom"]))
    context.close()
    assert under == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_first_escape_shows_a_hint_that_sighted_readers_see(browser, server, code, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    hint = page.locator("[data-quick-exit-status]")
    assert hint.bounding_box() is None or hint.bounding_box()["height"] < 1  # nothing shows before Escape
    page.keyboard.press("Escape")
    # Measured first: the hint shows for 2 s, and a screenshot on a busy machine can take most of them.
    box = hint.bounding_box()
    assert box and box["height"] >= 24 and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"]
    expected = {"sv": "Tryck på Esc två gånger till för att lämna sidan.", "ar": "اضغط على مفتاح Esc مرتين أخريين"}
    assert expected[code] in hint.inner_text()
    colours = hint.evaluate("(el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
    assert colours[0] != colours[1]
    on_top = "(b) => document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)"
    assert page.evaluate(on_top + ".hasAttribute('data-quick-exit-status')", box)
    shot(page, f"{code}-{viewport['width']}-escape-hint")
    page.wait_for_timeout(2300)
    assert hint.inner_text() == ""
    context.close()
