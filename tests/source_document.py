"""The source document, read independently of the content package, as a checklist of what the site must show."""

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = (
    Path(__file__).resolve().parent.parent / "pages" / "content" / "source" / "strategi-mot-prostitution-2022-08-24.txt"
)

PHONE = re.compile(r"(?<![\d-])(0\d{1,3}-\d{1,3}(?: \d{2,3})+|114 14|112)(?!\d)")
MARKDOWN_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)]*)\)")
TOC_LINE = re.compile(r"^(.*?)\s*\.{3,}(?:</?b>|\s)*\d+\s*(?:</?b>)*$")


def strip_tags(text):
    text = re.sub(r"</?(?:a|b|i|u)\b[^>]*>", "", text)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@dataclass
class SourceDocument:
    fragments: list = field(default_factory=list)  # (line, text) the site must show
    phones: list = field(default_factory=list)  # (line, number as printed)
    links: list = field(default_factory=list)  # (line, href)
    headings: list = field(default_factory=list)  # table-of-contents entries

    def add(self, line, text):
        text = text.strip()
        for number in PHONE.findall(text):
            self.phones.append((line, number))
        for piece in PHONE.split(text):
            piece = piece.strip(" ,.:;")
            if piece and not PHONE.fullmatch(piece):
                self.fragments.append((line, piece))


def logical_lines(lines):
    """Non-empty lines, with the PDF's page-break splits joined into whole sentences."""
    joined = []
    for number, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text:
            continue
        if joined:
            previous = joined[-1][1]
            continues = not previous.startswith(("#", "-")) and "\t" not in previous
            if continues and not re.search(r"[.:?!)>]$", previous) and re.match(r"[a-zåäö]", text):
                joined[-1] = (joined[-1][0], f"{previous} {text}")
                continue
        joined.append((number, text))
    return joined


def read_source(path=SOURCE):
    document = SourceDocument()
    for line, text in logical_lines(path.read_text(encoding="utf-8").splitlines()):
        toc = TOC_LINE.match(text)
        if toc:
            document.headings.append(strip_tags(toc.group(1)).strip(" .*"))
            continue
        text = re.sub(r"^#+\s*", "", text)
        text = re.sub(r"^-\s+", "", text).replace("**", "")
        if "\t" in text:  # a table row: every cell, and every bullet inside a cell
            for cell in text.split("\t"):
                items = re.findall(r"<li>(.*?)</li>", cell)
                for item in items or [strip_tags(cell)]:
                    document.add(line, re.sub(r"^•\s*", "", html.unescape(item)))
            continue
        for match in MARKDOWN_LINK.finditer(text):
            if match.group(2) != "#":
                document.links.append((line, match.group(2)))
        text = MARKDOWN_LINK.sub(lambda m: m.group(1).replace("\\(", "(").replace("\\)", ")"), text)
        bare = re.fullmatch(r"<(https?://[^>]+)>", text)
        if bare:
            document.links.append((line, bare.group(1)))
            text = bare.group(1)
        document.add(line, strip_tags(text))
    return document
