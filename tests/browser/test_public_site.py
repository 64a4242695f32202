"""The public site in Chromium: accessible, operable by keyboard, safe to leave, and silent to other sites."""

import pytest

from .site_visits import LOCALES, NEUTRAL, public_paths, statement_paths

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def paths(server):
    found = public_paths(server)
    # Every page type in every language: home, strategy, chapters, the whole strategy, the two site pages.
    for code in LOCALES:
        assert sum(path.startswith(f"/{code}/") for path in found) >= 22, code
    return found


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="sv-SE")
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, body="<title>SMHI</title>Väder"))
    yield context
    context.close()


def test_axe_finds_no_violations_on_any_page_in_any_language(site_visits, paths):
    found = {path: site_visits.pages[path].axe_violations for path in paths if site_visits.pages[path].axe_violations}
    assert found == {}


def test_no_request_leaves_the_site_and_no_cookie_is_set(site_visits, server, paths):
    # Every page, the accessibility statement with its feedback form included.
    assert statement_paths(server) <= set(paths)
    visits = [site_visits.pages[path] for path in paths]
    assert {visit.path: visit.left_the_site for visit in visits if visit.left_the_site} == {}
    assert [url for visit in visits for url in visit.set_cookies] == []
    assert {visit.path: visit.csp_reports for visit in visits if visit.csp_reports} == {}
    assert site_visits.cookies_kept == []


def test_quick_exit_is_first_by_keyboard_and_replaces_the_history_entry(context, server):
    page = context.new_page()
    page.goto(f"{server}/sv/")
    chapter = f"{server}/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/"
    page.goto(chapter)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Lämna sidan snabbt"
    assert_focus_is_visible(page)
    # Visible without scrolling, also after scrolling down.
    page.mouse.wheel(0, 3000)
    assert page.locator(".quick-exit").is_visible()
    assert page.evaluate("document.querySelector('.quick-exit').getBoundingClientRect().top") >= 0

    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
    # Back skips the strategy page: its history entry was replaced.
    page.go_back()
    assert page.url == f"{server}/sv/"


def test_three_escapes_leave_the_page(context, server):
    page = context.new_page()
    page.goto(f"{server}/sv/")
    page.goto(f"{server}/sv/sa-doljer-du-ditt-besok/")
    page.keyboard.press("Escape")
    assert page.locator("[data-quick-exit-status]").text_content() != ""
    page.keyboard.press("Escape")
    assert page.url.startswith(server)
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == f"{server}/sv/"


def test_two_escapes_then_a_pause_do_not_leave(context, server):
    page = context.new_page()
    page.goto(f"{server}/sv/")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(2000)
    # The pause is over once the page has forgotten the presses, which it shows by clearing the hint.
    page.wait_for_function("() => document.querySelector('[data-quick-exit-status]').textContent === ''")
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == f"{server}/sv/"


def assert_focus_is_visible(page):
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and style[1] != "0px", style


def test_keyboard_order_reaches_every_control_with_visible_focus(context, server):
    page = context.new_page()
    page.goto(f"{server}/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/")
    order = []
    for _ in range(12):
        page.keyboard.press("Tab")
        assert_focus_is_visible(page)
        order.append(page.evaluate("document.activeElement.getAttribute('class') || document.activeElement.id"))
    assert order[:5] == ["quick-exit", "quick-exit-help", "skip-link", "site-name", "site-search-q"]


def test_the_skip_link_moves_focus_to_the_content(context, server):
    page = context.new_page()
    page.goto(f"{server}/sv/")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_no_horizontal_scrolling_at_320_pixels_which_is_1280_at_400_percent(site_visits, paths):
    widths = {path: site_visits.pages[path].scroll_width_at_320 for path in paths}
    assert all(widths.values())
    assert {path: width for path, width in widths.items() if width > 320} == {}


def test_the_bilaga_1_table_reads_as_labelled_boxes_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(
        f"{server}/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/bilaga-1-konkreta-atgarder-och-forslag-till-framtida-aktiviteter/"
    )
    cell = page.locator(".matrix td").first
    label = page.evaluate("(cell) => getComputedStyle(cell, '::before').content", cell.element_handle())
    assert label == '"Pågående aktiviteter"'
    assert page.locator(".matrix").evaluate("table => table.getBoundingClientRect().width") <= 320
    context.close()


@pytest.mark.parametrize("code", LOCALES)
def test_the_feedback_form_sets_no_cookie_sends_no_referrer_and_the_report_arrives(context, server, login, code):
    page = context.new_page()
    cookies, policies = [], set()

    def record(response):
        if response.header_value("set-cookie"):
            cookies.append(response.url)
        if response.url.startswith(server) and response.request.resource_type == "document":
            policies.add(response.header_value("referrer-policy"))

    page.on("response", record)
    statement = next(path for path in statement_paths(server) if path.startswith(f"/{code}/"))
    page.goto(f"{server}{statement}")
    report = f"Knappen Sök går inte att nå med tangentbordet ({code})."
    page.fill("textarea", report)
    with page.expect_navigation():
        page.click("form[method=post] button[type=submit]")
    thanks = {"sv": "Tack för din rapport", "en": "Thank you for your report"}
    if code in thanks:
        assert page.locator("h1").text_content() == thanks[code]
    assert page.locator("form[method=post]").count() == 0  # the thank-you page, not the form again
    assert cookies == [] and context.cookies() == []
    assert policies == {"no-referrer"}

    # Each translation of the statement keeps its own reports.
    reader = login("granskare")
    reader.goto(f"{server}/admin/forms/")
    listings = {link.get_attribute("href") for link in reader.locator("a[href*='/admin/forms/submissions/']").all()}
    found = 0
    for listing in listings:
        reader.goto(f"{server}{listing}")
        found += reader.get_by_text(report).count()
    assert found == 1


def test_a_chapter_prints_its_content_without_the_controls(context, server):
    page = context.new_page()
    page.goto(
        f"{server}/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/bilaga-2-kontaktuppgifter/"
    )
    page.emulate_media(media="print")
    for control in (".quick-exit", ".site-search", ".breadcrumbs", ".skip-link", "nav.toc--aside"):
        assert not page.locator(control).first.is_visible(), control
    assert page.locator("h1").is_visible()
    assert page.locator(".emergency").is_visible()  # the help numbers stay on paper
    assert page.get_by_text("020-61 60 60").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
