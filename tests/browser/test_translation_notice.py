"""Readers of a translation are told it is unofficial until an approver records a review, page by page."""

import json
from urllib.parse import urlsplit

import pytest

from .conftest import public_text as public
from .site_visits import sitemap_paths

pytestmark = pytest.mark.browser

NOTICE = {
    "en": "This is an unofficial translation that has not yet been reviewed. The Swedish version applies.",
    "fi": "Tämä on epävirallinen käännös, jota ei ole vielä tarkistettu. Ruotsinkielinen versio on voimassa.",
    "ar": "هذه ترجمة غير رسمية لم تتم مراجعتها بعد. النسخة السويدية هي المعتمدة.",
}


def notice_on(page, url):
    page.goto(url)
    notice = page.locator(".unreviewed-notice")
    return notice.inner_text() if notice.count() and notice.is_visible() else None


def test_the_notice_shows_on_every_translated_page_until_an_approver_marks_it_reviewed(
    browser, server, login, site_visits
):
    translated = [path for path in sitemap_paths(server) if path.split("/")[1] in NOTICE]
    assert len(translated) > 60
    for path in translated:
        text = site_visits.pages[path].notice
        assert text and NOTICE[path.split("/")[1]] in text, path

    reader = browser.new_context(locale="sv-SE").new_page()

    # The link leads to the same page in Swedish.
    chapters = json.loads(public(server, "/api/v3/pages/?type=pages.ChapterPage&locale=en&limit=2"))
    chapter, other = chapters["items"]
    assert json.loads(public(server, f"/api/v3/pages/{chapter['id']}/"))["translation"]["reviewed"] is False
    # API URLs name the configured site address; the test server listens elsewhere.
    url = server + urlsplit(chapter["meta"]["html_url"]).path
    reader.goto(url)
    with reader.expect_navigation():
        reader.locator(".unreviewed-notice a").click()
    assert "/sv/" in reader.url and reader.locator("html").get_attribute("lang") == "sv"

    approver = login("granskare")
    approver.goto(f"{server}/admin/pages/{chapter['id']}/")
    # The review sits in the page's "more actions" menu in the header of the explorer.
    approver.locator('#w-slim-header-buttons [data-w-dropdown-target="toggle"]').click()
    with approver.expect_navigation():
        approver.locator('a[href*="/admin/translation-review/"]').click()
    approver.fill("#id_reviewer", "Auktoriserad translator")
    with approver.expect_navigation():
        approver.click('button[name="record"]')

    # Public pages may stay a minute in a browser's cache (Cache-Control max-age=60): a reader who
    # comes to the page after the review, with a browser that has not seen it yet, gets the new page.
    reader.context.close()
    reader = browser.new_context(locale="sv-SE").new_page()
    assert notice_on(reader, url) is None
    assert NOTICE["en"] in notice_on(reader, server + urlsplit(other["meta"]["html_url"]).path)
    assert json.loads(public(server, f"/api/v3/pages/{chapter['id']}/"))["translation"]["reviewed"] is True
    reader.context.close()
