"""Finding the way, measured in Chromium: previous and next in reading order, the contents beside the
text on a wide screen and below it on a phone, the whole strategy's own contents, a home page whose
help lines are in the first screen, and a footer whose contact details a communicator edits."""

import tempfile
from pathlib import Path

import pytest

from .conftest import PASSWORD
from .site_visits import DIGITS_AS_LAID_OUT
from .test_reading import dialled_digits

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "shots" / "finding-the-way"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
NEXT = {"sv": "Nästa", "en": "Next", "ar": "التالي"}
PREVIOUS = {"sv": "Föregående", "en": "Previous", "ar": "السابق"}

BOX = """(el) => {
    const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
}"""
FOCUS_UNCOVERED = """() => {
    const focused = document.activeElement;
    const r = focused.getBoundingClientRect();
    if (focused === document.body || r.height === 0) return true;
    const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 20), 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
    const seen = document.elementFromPoint(x, y);
    return !!seen && (focused === seen || focused.contains(seen) || seen.contains(focused));
}"""


def shot(page, name, full_page=False):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def words(label):
    # The colon after "Nästa" is there for screen readers only.
    return label.replace(":", " ").split()


def open_strategy(browser, server, code, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    # Wait for the strategy page: reading the contents before it arrives reads the home page's.
    with page.expect_navigation():
        page.locator(".strategy-list a").first.click()
    page.locator("main nav.toc").first.wait_for()
    return context, page


def contents_order(page):
    """(URL, title) of every chapter in the strategy page's table of contents, as a reader sees it listed."""
    links = page.locator("main nav.toc a:not([href^='#'])").all()
    return [(link.evaluate("(a) => a.href"), link.inner_text().strip()) for link in links]


def pager_links_fit(page, width):
    """Both pager links of the chapter on screen lie inside the viewport's width, and nothing scrolls sideways."""
    for link in page.locator("a[rel=next], a[rel=prev]").all():
        box = link.evaluate(BOX)
        assert box["left"] >= 0 and box["right"] <= width, (page.url, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# A reader walks forwards at one width and back at the other; every chapter's two links are measured at
# both widths in every language, and the languages differ in which width goes first.
@pytest.mark.parametrize(
    ("code", "forwards", "backwards"),
    [("sv", PHONE, DESKTOP), ("en", DESKTOP, PHONE), ("ar", PHONE, DESKTOP)],
    ids=["sv-375-then-1280", "en-1280-then-375", "ar-375-then-1280"],
)
def test_next_and_previous_lead_through_the_chapters_in_the_order_of_the_contents(
    browser, server, code, forwards, backwards
):
    context, page = open_strategy(browser, server, code, forwards)
    strategy = page.url
    chapters = contents_order(page)
    assert len(chapters) >= 15
    for url, title in chapters:
        link = page.locator("a[rel=next]")
        assert link.is_visible()
        assert words(link.inner_text()) == [*NEXT[code].split(), *title.split()]
        pager_links_fit(page, forwards["width"])
        link.click()
        page.wait_for_url(url)
        assert page.locator("h1").inner_text().strip() == title
    # The last chapter leads nowhere further; back, one step at a time, to the strategy.
    assert page.locator("a[rel=next]").count() == 0
    pager_links_fit(page, forwards["width"])
    shot(page, f"{code}-{forwards['width']}-last-chapter-pager")
    page.set_viewport_size(backwards)
    shot(page, f"{code}-{backwards['width']}-last-chapter-pager")
    for url, title in [*reversed(chapters[:-1]), (strategy, None)]:
        link = page.locator("a[rel=prev]")
        assert link.is_visible()
        label = words(link.inner_text())
        assert label[: len(PREVIOUS[code].split())] == PREVIOUS[code].split()
        if title:
            assert label[-len(title.split()) :] == title.split()
        pager_links_fit(page, backwards["width"])
        link.click()
        page.wait_for_url(url)
    assert page.locator("a[rel=prev]").count() == 0
    context.close()


def long_chapter(page):
    """Beskrivning av begrepp: between two chapters, and long enough to scroll through."""
    url, title = contents_order(page)[1]
    page.goto(url)
    return title


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_on_a_wide_screen_the_contents_stand_beside_the_text_and_mark_the_chapter(browser, server, code):
    context, page = open_strategy(browser, server, code, DESKTOP)
    title = long_chapter(page)
    article, toc = page.locator("article.chapter"), page.locator("nav.toc--aside")
    text, aside = article.evaluate(BOX), toc.evaluate(BOX)
    # Beside: side by side, on the side the text runs towards, and overlapping in height.
    if code == "ar":
        assert aside["right"] <= text["left"]
    else:
        assert aside["left"] >= text["right"]
    assert aside["top"] < text["bottom"] and aside["bottom"] > text["top"]
    # The current chapter: aria-current, and not by colour alone (weight and a bar).
    current = toc.locator("[aria-current=page]")
    assert current.count() == 1 and current.inner_text().strip() == title
    style = current.evaluate("(a) => [getComputedStyle(a).fontWeight, getComputedStyle(a).borderInlineStartWidth]")
    assert int(style[0]) >= 700 and float(style[1].removesuffix("px")) >= 3
    other = toc.locator("ol a:not([aria-current])").first
    assert int(other.evaluate("(a) => getComputedStyle(a).fontWeight")) < 700
    shot(page, f"{code}-1280-contents-beside")

    # Scrolled down, the contents stay in view below the quick-exit bar, still beside the text.
    page.mouse.move(400, 500)
    page.mouse.wheel(0, 2500)
    page.wait_for_function("() => window.scrollY > 1000")
    bar = page.locator(".quick-exit-bar").evaluate(BOX)
    aside = toc.evaluate(BOX)
    assert bar["bottom"] <= aside["top"] < DESKTOP["height"] / 2
    assert aside["bottom"] <= DESKTOP["height"]
    assert (aside["right"] <= text["left"]) if code == "ar" else (aside["left"] >= text["right"])
    shot(page, f"{code}-1280-contents-beside-scrolled")

    # Nothing covers what has focus, through the text and the contents, forwards and back.
    page.goto(page.url)
    covered = []
    for key in ["Tab"] * 60 + ["Shift+Tab"] * 30:
        page.keyboard.press(key)
        if not page.evaluate(FOCUS_UNCOVERED):
            covered.append((key, page.evaluate("document.activeElement.textContent.trim().slice(0, 40)")))
    assert covered == []
    context.close()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_on_a_phone_the_contents_follow_the_text_without_sideways_scrolling(browser, server, code, width):
    context, page = open_strategy(browser, server, code, {"width": width, "height": 667})
    long_chapter(page)
    text = page.locator("article.chapter").evaluate(BOX)
    aside = page.locator("nav.toc--aside").evaluate(BOX)
    assert aside["top"] >= text["bottom"]
    assert aside["left"] >= 0 and aside["right"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("nav.toc--aside [aria-current=page]").count() == 1
    page.locator("a[rel=next]").scroll_into_view_if_needed()
    shot(page, f"{code}-{width}-pager-and-contents")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_whole_strategys_contents_jump_to_each_heading(browser, server, code, viewport):
    context, page = open_strategy(browser, server, code, viewport)
    # Wait for the whole strategy: reading the contents mid-navigation reads neither page's.
    with page.expect_navigation():
        page.locator(".whole-link a").click()
    page.locator("#inledning").wait_for()
    contents = page.locator("main nav.toc")
    links = contents.locator("a").all()
    assert len(links) >= 18
    # The contents come first, before the strategy's own texts.
    assert contents.evaluate(BOX)["bottom"] <= page.locator("#inledning").evaluate(BOX)["top"]
    shot(page, f"{code}-{viewport['width']}-whole-contents")
    for link in links:
        target = link.get_attribute("href")
        title = link.inner_text().strip()
        page.evaluate("window.scrollTo(0, 0)")
        link.click()
        page.wait_for_function("(hash) => decodeURIComponent(location.hash) === hash", arg=target)
        heading = page.locator(f"[id='{target[1:]}']")
        assert heading.inner_text().strip() == title
        box, bar = heading.evaluate(BOX), page.locator(".quick-exit-bar").evaluate(BOX)
        # In view, and below the sticky bar rather than under it.
        assert bar["bottom"] <= box["top"] < viewport["height"], (target, box, bar)
    shot(page, f"{code}-{viewport['width']}-whole-after-jump")
    context.close()


@pytest.mark.parametrize("code", ["sv", "ar"])
def test_the_home_page_says_what_it_is_and_shows_the_help_lines_in_a_phones_first_screen(browser, server, code):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    numbers = page.locator(".emergency a[href^='tel:']").all()
    assert [link.get_attribute("href") for link in numbers][:1] == ["tel:112"]
    for link in numbers:
        box = link.evaluate(BOX)
        assert box["top"] >= 0 and box["bottom"] <= PHONE["height"], (link.inner_text(), box)
        assert link.evaluate(DIGITS_AS_LAID_OUT) == dialled_digits(link.get_attribute("href"))
    # What the site is starts in the first screen too.
    assert page.locator(".lead").evaluate(BOX)["top"] < PHONE["height"]
    shot(page, f"{code}-375-home-first-screen")
    strategy = page.locator(".strategy-list li").first
    assert strategy.locator(".strategy-list__summary").inner_text().strip()
    decision = strategy.locator(".decision").inner_text()
    assert "Kommunfullmäktige" in decision and "2023-01-31" in decision
    strategy.scroll_into_view_if_needed()
    shot(page, f"{code}-375-home-strategies")
    context.close()


def footer_of(browser, server, code):
    """The footer's contact details as a new visitor sees them (public pages may be kept a minute)."""
    context = browser.new_context(viewport=PHONE, locale="ar" if code == "ar" else "sv-SE")
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    address = page.locator("footer address.municipality")
    found = {
        "text": address.inner_text(),
        "tel": address.locator("a[href^='tel:']").get_attribute("href"),
        "laid_out": address.locator("a[href^='tel:']").evaluate(DIGITS_AS_LAID_OUT),
    }
    address.scroll_into_view_if_needed()
    shot(page, f"{code}-375-footer")
    context.close()
    return found


def open_contact_details(browser, server):
    context = browser.new_context(locale="sv-SE", viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/admin/login/")
    page.fill("#id_username", "kommunikator")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/admin/")
    page.get_by_role("button", name="Inställningar").click()
    page.get_by_role("link", name="Kommunens kontaktuppgifter").click()
    page.wait_for_selector("#id_phone")
    return context, page


def save_details(page, address, phone):
    page.fill("#id_postal_address", address)
    page.fill("#id_phone", phone)
    with page.expect_navigation():
        page.get_by_role("button", name="Spara").click()


def test_a_communicator_changes_the_footers_contact_details_in_the_admin(browser, server):
    before = footer_of(browser, server, "sv")
    assert "931 85 Skellefteå" in before["text"] and "Växel" in before["text"]
    assert "kommun@skelleftea.se" in before["text"] and before["tel"] == "tel:+46910735000"

    context, page = open_contact_details(browser, server)
    original = page.input_value("#id_postal_address"), page.input_value("#id_phone")
    # A number that cannot be dialled is refused in Swedish, and nothing is saved.
    save_details(page, "Box 9\n931 85 Skellefteå", "ring växeln")
    assert page.get_by_text("är inte ett giltigt svenskt telefonnummer").is_visible()
    shot(page, "admin-contact-details-refused")
    assert footer_of(browser, server, "sv")["text"] == before["text"]

    save_details(page, "Box 9\n931 85 Skellefteå", "0910-73 60 00")
    assert page.locator(".messages .success").is_visible()
    shot(page, "admin-contact-details-saved")
    try:
        for code in ("sv", "ar"):
            after = footer_of(browser, server, code)
            assert "Box 9" in after["text"] and "0910-73 60 00" in after["text"]
            assert after["tel"] == "tel:+46910736000"
            assert after["laid_out"] == dialled_digits(after["tel"])
    finally:
        save_details(page, *original)
        context.close()
    assert footer_of(browser, server, "sv")["text"] == before["text"]
