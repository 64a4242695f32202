"""Reading the public site the way a person reads it: visible text, links and headings."""

import re
import unicodedata
from html.parser import HTMLParser

from wagtail.models import Page


class PageReader(HTMLParser):
    BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "th", "td", "caption", "div", "section", "br", "tr"}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.links = []  # (href, text)
        self.headings = []  # (level, text)
        self._link = None
        self._heading = None
        self._hidden = []  # tags whose content nobody sees, innermost last

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._hidden or "hidden" in attrs or tag in {"script", "style", "title"}:
            self._hidden.append(tag)
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "a":
            self._link = [attrs.get("href", ""), ""]
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]

    def handle_endtag(self, tag):
        if self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()
        if tag == "a" and self._link:
            self.links.append((self._link[0], self._link[1].strip()))
            self._link = None
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._hidden:
            return
        self.parts.append(data)
        if self._link:
            self._link[1] += data
        if self._heading:
            self._heading[1] += data

    @property
    def text(self):
        return "".join(self.parts)


def read(html):
    reader = PageReader()
    reader.feed(html)
    return reader


def normalise(text):
    text = unicodedata.normalize("NFC", text).replace(":", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


def live_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
