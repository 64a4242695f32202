"""Every public page in every language, visited once per test session and recorded for the tests that
check each page (conftest's `site_visits`): accessibility by axe, requests and cookies that leave or stay,
the unofficial-translation notice, text that shows template syntax, the laid-out order of Arabic phone
numbers. Loading every page in Chromium is the slow part; each of those checks ran its own pass over
all of them, so together they cost minutes. Each test still asserts on its own data, page by page.
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from pages.models.strategy import whole_strategy_slugs

from .conftest import axe_violations, public_text, with_axe

LOCALES = ("sv", "en", "fi", "ar")
SEARCH_WORD = {"sv": "polisen", "en": "police", "fi": "poliisi", "ar": "الشرطة"}
# The neutral site is outside this machine: the browser gets a stand-in answer for it.
NEUTRAL = "https://www.smhi.se/"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
# 1280 px at 400 % zoom (WCAG 1.4.10, reflow).
NARROWEST = {"width": 320, "height": 640}
# The whole strategy's address in each language, as links and the sitemap give it (percent-encoded).
WHOLE_STRATEGY_PATHS = tuple("/" + quote(slug) + "/" for slug in whole_strategy_slugs().values())

# The digits of every tel: link as they are laid out: each digit's box, lines top to bottom, left to right.
DIGITS_AS_LAID_OUT = """
(link) => {
    const digits = [];
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
            if (!/[0-9]/.test(node.data[i])) continue;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            digits.push({digit: node.data[i], x: box.left + box.width / 2, y: box.top + box.height / 2, h: box.height});
        }
    }
    digits.sort((a, b) => (Math.abs(a.y - b.y) > a.h / 2 ? a.y - b.y : a.x - b.x));
    return digits.map((d) => d.digit).join("");
}
"""


def sitemap_paths(server):
    root = ET.fromstring(public_text(server, "/sitemap.xml"))  # noqa: S314 (our own sitemap)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", namespace)]


def public_paths(server):
    """Every page in the sitemap (every page type, every language), plus search results and a 404."""
    paths = sitemap_paths(server)
    for code in LOCALES:
        search_path = re.search(r'action="([^"]+)"', public_text(server, f"/{code}/")).group(1)
        paths += [f"{search_path}?q={SEARCH_WORD[code]}", f"/{code}/finns-inte/"]
    return paths


def statement_paths(server):
    """The accessibility statement in each language: the footer's last link."""
    found = set()
    for code in LOCALES:
        footer = public_text(server, f"/{code}/").split('class="footer-links"', 1)[1].split("</ul>", 1)[0]
        found.add(re.findall(r'href="([^"]+)"', footer)[-1])
    return found


@dataclass
class Visit:
    """One page as a reader's browser got it, with the site's Content-Security-Policy in force."""

    path: str
    left_the_site: list = field(default_factory=list)  # URLs the browser requested elsewhere
    set_cookies: list = field(default_factory=list)  # the site's URLs that answered with Set-Cookie
    csp_reports: list = field(default_factory=list)  # the console's reports of refused content
    notice: str | None = None  # the unofficial-translation notice's text, when it shows
    texts: list = field(default_factory=list)  # the visible text on screen (and printed, for the whole strategy)
    axe_violations: list = field(default_factory=list)  # (rule, the first three elements it found)
    scroll_width_at_320: int | None = None  # the document's width once the window is 320 px wide


@dataclass
class SiteVisits:
    paths: list
    pages: dict  # path -> Visit
    cookies_kept: list  # the browser's cookie jar after every page
    # (path, viewport width) -> [(text, href, digits as laid out)] of each visible tel: link, Arabic pages only
    arabic_phone_links: dict


def visit_every_page(browser, server):
    paths = public_paths(server)
    pages, cookies_kept = read_every_page(browser, server, paths)
    return SiteVisits(
        paths=paths,
        pages=pages,
        cookies_kept=cookies_kept,
        arabic_phone_links=arabic_phone_links(browser, server, paths),
    )


def read_every_page(browser, server, paths):
    """Each page once, as a Swedish reader's browser loads it: the site's CSP in force (axe's script is
    evaluated through the DevTools protocol, which the policy does not govern, and finds the same as with
    the policy bypassed), the neutral site answered by a stand-in.

    Requests a page makes after its load event count too, so each page is kept until the network has been
    quiet for half a second. Two tabs take turns: while one page goes quiet, the next is read in the other
    tab (the wait cost a quarter of a second a page, with nothing to do)."""
    context = with_axe(browser.new_context(locale="sv-SE", viewport=DESKTOP))
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(status=200, body="<title>SMHI</title>Väder"))
    tabs = [context.new_page(), context.new_page()]
    showing = {}  # tab -> the Visit of the page it shows
    visits = {}

    def on_request(tab, request):
        if not request.url.startswith(server):
            showing[tab].left_the_site.append(request.url)

    def on_response(tab, response):
        if response.url.startswith(server) and response.header_value("set-cookie"):
            showing[tab].set_cookies.append(response.url)

    def on_console(tab, message):
        if "Content Security Policy" in message.text:
            showing[tab].csp_reports.append(message.text)

    for tab in tabs:
        tab.on("request", lambda request, tab=tab: on_request(tab, request))
        tab.on("response", lambda response, tab=tab: on_response(tab, response))
        tab.on("console", lambda message, tab=tab: on_console(tab, message))
    for number, path in enumerate(paths):
        page = tabs[number % 2]
        if page in showing:
            # The page this tab showed before: quiet by now, as a rule, after the other tab's whole visit.
            page.wait_for_load_state("networkidle")
        current = showing[page] = visits[path] = Visit(path)
        page.goto(f"{server}{path}")
        notice = page.locator(".unreviewed-notice")
        current.notice = notice.inner_text() if notice.count() and notice.is_visible() else None
        current.texts.append(page.evaluate("document.body.innerText"))
        if path.endswith(WHOLE_STRATEGY_PATHS):
            page.emulate_media(media="print")
            current.texts.append(page.evaluate("document.body.innerText"))
            page.emulate_media(media="screen")
        current.axe_violations = [
            (violation["id"], [node["target"] for node in violation["nodes"]][:3]) for violation in axe_violations(page)
        ]
        # The layout follows the window's width (CSS only), so narrowing the loaded page lays it out
        # as a 320 px window would have loaded it.
        page.set_viewport_size(NARROWEST)
        current.scroll_width_at_320 = page.evaluate("document.documentElement.scrollWidth")
        page.set_viewport_size(DESKTOP)
    for page in showing:
        page.wait_for_load_state("networkidle")
    cookies_kept = context.cookies()
    context.close()
    return visits, cookies_kept


def arabic_phone_links(browser, server, paths):
    """Every visible tel: link on every Arabic page, as an Arabic reader's browser lays it out on a phone
    and on a desktop (the same page, its window widened)."""
    context = browser.new_context(viewport=PHONE, locale="ar")
    page = context.new_page()
    found = {}
    for path in paths:
        if not path.startswith("/ar/"):
            continue
        page.goto(f"{server}{path}")
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            found[path, viewport["width"]] = [
                (link.text_content(), link.get_attribute("href"), link.evaluate(DIGITS_AS_LAID_OUT))
                for link in page.locator('a[href^="tel:"]').element_handles()
                if link.is_visible()
            ]
    context.close()
    return found
