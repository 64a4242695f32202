"""The admin speaks Swedish to every role on its everyday pages, whatever language the browser asks for.

Wagtail's and wagtail-localize's own Swedish catalogues miss strings; locale/sv holds the rest. This
walks what each role sees in a day, as a browser set to American English, and reads the interface:
visible text (screen-reader text included) and the title, aria-label, placeholder, alt and tooltip
of visible elements. Content is not interface: editable fields are skipped, and the titles of the
pages (English translations included) are taken out before looking for English.
"""

import json
import re

import pytest

from .conftest import public_text as public
from .conftest import wait_for_autosave, wait_until_watching_edits

pytestmark = pytest.mark.browser

STRATEGY = "strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster"
# Chapters no other browser test edits; each role edits its own.
CHAPTERS = {"kommunikator": "regionalt-arbete", "granskare": "ansvarsfordelning-inom-natverket"}
TRANSLATED_CHAPTER = "indikationer-pa-utsatthet"
SEARCH = "samverkan"

# Words that never occur in the Swedish admin's own text ("version", "status" and "avatar" are Swedish too).
ENGLISH = re.compile(
    r"(?<![\w-])("
    r"the|of|and|to|your|you|with|None|Saved|Compare|More|actions?|translations?|latest|View|Edit|Save|"
    r"Publish|Unpublish|Delete|Cancel|Preview|pages?|Autosave|autosaved|Go-live|Expiry|Proceeding|"
    r"Search|Dashboard|Snippets|Reports|Settings|Help|History|Draft|Locked|Unlocked|Comments?|Choose|"
    r"Add|Create|Submit|Approve|Workflow|Refresh|Privacy|Account|Sort|Any|Never|Last|Updated"
    r")(?![\w-])",
    re.IGNORECASE,
)

# Text nodes and attributes of visible elements, outside fields whose text is content.
READ_INTERFACE = """() => {
    const content = "[contenteditable], textarea, script, style, template, noscript";
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        const text = node.textContent.trim();
        if (text && element && !element.closest(content) && element.checkVisibility()) {
            texts.push(text);
        }
    }
    const attributes = ["title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"];
    for (const element of document.querySelectorAll(attributes.map((name) => `[${name}]`).join(","))) {
        if (element.closest(content) || !element.checkVisibility()) continue;
        for (const name of attributes) {
            const value = element.getAttribute(name);
            if (value && value.trim()) texts.push(value.trim());
        }
    }
    return texts;
}"""


def api(server, path):
    return json.loads(public(server, path))


def page_id(server, slug, locale="sv"):
    return api(server, f"/api/v3/pages/?slug={slug}&locale={locale}")["items"][0]["id"]


def translation_id(server, slug, locale):
    translations = api(server, f"/api/v3/pages/{page_id(server, slug)}/translations/")
    return next(item["id"] for item in translations if item["locale"] == locale)


@pytest.fixture(scope="module")
def content_titles(server):
    """Every page title in every language, longest first: content, which may well be English."""
    titles = set()
    for locale in ("sv", "en", "fi", "ar"):
        offset = 0
        while True:
            answer = api(server, f"/api/v3/pages/?locale={locale}&limit=20&offset={offset}")
            titles.update(item["title"] for item in answer["items"])
            offset += 20
            if offset >= answer["count"]:
                break
    return sorted(titles, key=len, reverse=True)


class Reader:
    """Reads the interface of each page visited and keeps what is English."""

    def __init__(self, page, server, content_titles):
        self.page, self.server, self.titles = page, server, content_titles
        self.english = []

    def goto(self, path):
        self.page.goto(f"{self.server}{path}")
        self.page.wait_for_load_state("networkidle")

    def read(self, where):
        for text in self.page.evaluate(READ_INTERFACE):
            interface = text
            for title in self.titles:
                interface = interface.replace(title, " ")
            for match in ENGLISH.finditer(interface):
                self.english.append((where, match.group(0), text[:120]))

    def report(self):
        return "\n".join(f"{where}: {word!r} in {text!r}" for where, word, text in self.english)

    def visit(self, path, where=None):
        self.goto(path)
        self.read(where or path)


def walk_listings(reader, explore_id, contacts_locale):
    reader.visit("/admin/", "dashboard")
    reader.visit(f"/admin/pages/{explore_id}/", "page explorer")
    reader.visit(f"/admin/pages/search/?q={SEARCH}", "admin search")
    reader.visit(f"/admin/snippets/snippets/contact/?locale={contacts_locale}", "contact listing")
    with reader.page.expect_navigation():
        reader.page.locator("table tbody td.title a").first.click()
    reader.page.wait_for_load_state("networkidle")


def edit_chapter(reader, chapter_id):
    reader.goto(f"/admin/pages/{chapter_id}/edit/")
    reader.read("chapter editor")
    wait_until_watching_edits(reader.page)
    reader.page.locator("#id_title").click()
    reader.page.keyboard.press("End")
    reader.page.keyboard.type(" i länet")
    wait_for_autosave(reader.page)
    reader.read("chapter editor, autosaved")
    reader.page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    reader.page.locator("footer [data-w-dropdown-target=content]").first.wait_for()
    reader.read("chapter editor, footer's action menu")
    reader.visit(f"/admin/pages/{chapter_id}/history/", "page history")
    reader.visit(f"/admin/pages/{chapter_id}/revisions/compare/earliest...latest/", "revisions compare")


@pytest.mark.parametrize("username", sorted(CHAPTERS))
def test_an_editor_and_an_approver_meet_no_english(server, login, content_titles, username):
    reader = Reader(login(username, locale="en-US"), server, content_titles)
    walk_listings(reader, page_id(server, STRATEGY), "sv")
    reader.read("contact editor")
    edit_chapter(reader, page_id(server, CHAPTERS[username]))
    assert reader.english == [], reader.report()


def test_a_translator_meets_no_english(server, login, content_titles):
    reader = Reader(login("oversattare", locale="en-US"), server, content_titles)
    walk_listings(reader, translation_id(server, STRATEGY, "fi"), "fi")
    reader.page.locator(".js-translation-editor li").first.wait_for()
    reader.read("contact translation editor")
    reader.goto(f"/admin/pages/{translation_id(server, TRANSLATED_CHAPTER, 'fi')}/edit/")
    reader.page.locator(".js-translation-editor li").first.wait_for()
    reader.read("chapter translation editor")  # its footer's action menu is an administrator's only
    assert reader.english == [], reader.report()
