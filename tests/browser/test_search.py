"""A reader on a phone searches the site in their language and sees where the answer is: the contacts
among the first results, and the words they typed marked in each passage."""

import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "shots" / "public-search"
PHONE = {"width": 375, "height": 667}


@pytest.mark.parametrize(
    ("code", "browser_locale", "word", "contacts"),
    [
        ("en", "en-GB", "police", "Appendix 2 Contact details"),
        ("ar", "ar-SA", "الشرطة", "الملحق 2 بيانات الاتصال"),
        ("sv", "sv-SE", "hjälp", "Bilaga 2 Kontaktuppgifter"),
    ],
)
def test_a_reader_on_a_phone_searches_and_sees_the_words_marked(browser, server, code, browser_locale, word, contacts):
    context = browser.new_context(viewport=PHONE, locale=browser_locale)
    page = context.new_page()
    page.goto(f"{server}/{code}/")
    page.locator("#site-search-q").fill(word)
    with page.expect_navigation():
        page.locator(".site-search button").click()
    page.wait_for_selector(".search-results")

    titles = page.locator(".search-results > li > a").all_text_contents()
    assert contacts in titles[:3], titles

    marks = page.locator(".search-results mark")
    assert marks.count() > 0
    first = marks.first
    assert first.is_visible()
    assert word.casefold() in first.text_content().casefold() or first.text_content().casefold() in word.casefold()
    # Marked by a background of its own, not only by being part of the text.
    colours = first.evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el.closest('li')).backgroundColor]"
    )
    assert colours[0] != colours[1]
    # The passages fit the phone: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{code}-375-search.png"), full_page=True)

    # The contacts result leads to the contacts.
    with page.expect_navigation():
        page.get_by_role("link", name=contacts, exact=True).click()
    assert page.locator("h1").text_content().strip() == contacts
    context.close()


HIDDEN_CONTACTS = """
from wagtail.models import Locale
from pages.models import ChapterPage
from snippets.models import Contact
sv = Locale.objects.get(language_code="sv")
Contact.objects.create(name="Tornfalkslinjen", category="support_line", phone="020-61 60 60", locale=sv)
drafted = Contact.objects.create(name="Lärkfalkslinjen", category="support_line", phone="020-61 60 61", locale=sv)
strategy = ChapterPage.objects.filter(locale=sv).first().get_parent()
draft = ChapterPage(title="Utkast med lärkfalk", slug="utkast-med-larkfalk", live=False, locale=sv,
                    body=[("contacts", {"contacts": [drafted]})])
strategy.add_child(instance=draft)
draft.save_revision()
"""


def test_a_reader_never_finds_a_contact_that_no_public_page_shows(browser, server, server_shell):
    """Published contacts that only a draft or no page chooses are not the public's (decision 0011).
    The pages also reach the browser compressed in the best coding it accepts."""
    server_shell(HIDDEN_CONTACTS)
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    first = page.goto(f"{server}/sv/")
    assert first.headers.get("content-encoding") in ("zstd", "br")
    for word in ("Tornfalkslinjen", "Lärkfalkslinjen"):
        page.locator("#site-search-q").fill(word)
        with page.expect_navigation():
            page.locator(".site-search button").click()
        assert page.locator(".result-count").inner_text().startswith("0 "), word
        assert page.locator(".search-results > li").count() == 0, word
    # The same search box finds a contact that a public page shows.
    page.locator("#site-search-q").fill("hjälp")
    with page.expect_navigation():
        page.locator(".site-search button").click()
    assert "Bilaga 2 Kontaktuppgifter" in page.locator(".search-results > li > a").all_text_contents()[:3]
    context.close()
