"""A reader whose browser speaks English or Arabic meets Swedish names (Polisen, Migrationsverket) and
reads what they are right where the name first appears, on a phone and on a desktop, once per page."""

import json

import pytest

from .conftest import public_text
from .site_visits import DESKTOP, PHONE, WHOLE_STRATEGY_PATHS
from .test_reading import shot

pytestmark = pytest.mark.browser

# Running text of <main> in reading order, as the reader meets it (headings, link texts and table
# headers are not where a name is explained), and where each explanation sits in it.
RUNNING_TEXT = """
() => {
    const main = document.querySelector("main");
    const skipped = "h1, h2, h3, h4, h5, h6, a, th, button, summary, label";
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let text = "";
    const explanations = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const explanation = node.parentElement.closest(".name-explanation");
        if (explanation) {
            explanations.push({at: text.length, text: explanation.textContent.trim()});
            continue;
        }
        if (!node.parentElement.closest(skipped)) text += node.data;
    }
    return {text, explanations};
}
"""
READERS = [("en-US", "en"), ("ar", "ar")]


def open_whole_strategy(page):
    """From the home page, as a reader goes: the strategy, then its whole text on one page."""
    with page.expect_navigation():
        page.locator("main a[href^='/']").first.click()
    with page.expect_navigation():
        page.locator(", ".join(f"main a[href$='{path}']" for path in WHOLE_STRATEGY_PATHS)).first.click()


def explanation_of(server, kind, code, swedish_name):
    items = json.loads(public_text(server, f"/api/v3/{kind}/?locale={code}&limit=20"))["items"]
    label = "name" if kind == "actors" else "term"
    return next(item["explanation"] for item in items if swedish_name in item[label])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize(("browser_locale", "code"), READERS)
def test_a_swedish_name_is_explained_where_the_reader_first_meets_it(browser, server, browser_locale, code, viewport):
    context = browser.new_context(locale=browser_locale, viewport=viewport)
    page = context.new_page()
    # The reader arrives at the site's address and gets their browser's language.
    page.goto(f"{server}/")
    assert page.url.startswith(f"{server}/{code}/")
    open_whole_strategy(page)

    found = page.evaluate(RUNNING_TEXT)
    shown = [e["text"] for e in found["explanations"]]
    assert len(shown) >= 9 and len(shown) == len(set(shown)), shown  # each name explained once
    for kind, name in [("actors", "Polisen"), ("actors", "Migrationsverket"), ("concepts", "Kommunfullmäktige")]:
        explanation = explanation_of(server, kind, code, name)
        at = next(e["at"] for e in found["explanations"] if explanation in e["text"])
        first = found["text"].index(name)
        # Right after the first mention ("Police (Polisen)" or the name itself), not later, not repeated.
        assert first + len(name) <= at <= first + len(name) + 1, (name, found["text"][first - 20 : at + 5])
        assert sum(explanation in text for text in shown) == 1

    spans = page.locator("main .name-explanation")
    width = viewport["width"]
    for index in range(spans.count()):
        span = spans.nth(index)
        span.scroll_into_view_if_needed()
        assert span.is_visible()
        box = span.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, span.text_content()
        assert span.evaluate("e => getComputedStyle(e).direction") == ("rtl" if code == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    spans.first.scroll_into_view_if_needed()
    shot(page, f"name-explanation-{code}-{width}")
    context.close()


def test_a_swedish_reader_gets_no_explanations(browser, server):
    context = browser.new_context(locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{server}/")
    assert page.url.startswith(f"{server}/sv/")
    open_whole_strategy(page)
    assert page.locator("main p").count() > 20
    assert page.locator(".name-explanation").count() == 0
    context.close()
