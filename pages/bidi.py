"""Numbers, dates, paragraph references and addresses keep their own reading order in right-to-left text.

In an Arabic paragraph the Unicode bidirectional algorithm lays out "020-61 60 60" as
"60 60 020-61": the digit groups are separate runs, and the spaces between them take the
paragraph's direction. A `dir="ltr"` element is isolated (HTML gives `[dir]` elements
`unicode-bidi: isolate`), so what is inside reads left to right whatever surrounds it.
"""

import re
from html import unescape

from django.utils.html import format_html, strip_tags

from .rich_text import ADDRESS_CLASS, shows_its_address

# Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation forms).
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# nh3 writes every attribute double-quoted with '"' escaped, so an opening tag ends at the first '>' outside quotes.
LINK = re.compile(r'<a((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*>(.*?)</a>', re.DOTALL)


def reads_left_to_right(text):
    """True for text without right-to-left letters: a number, a date, an address, a Latin name."""
    return not RTL_LETTER.search(text or "")


def ltr(value):
    """The value isolated, left to right; for a date or "§ 24" set inside translated text."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


def isolate_links(html):
    """Every link in cleaned HTML whose text has no right-to-left letters gets dir="ltr".

    Links worded in Arabic keep the paragraph's direction; a phone number, e-mail or web
    address, or a Swedish organisation's name, reads as it is written.
    """

    def isolate(match):
        attributes, content = match.groups()
        text = unescape(strip_tags(content))
        href = re.search(r'\shref="([^"]*)"', attributes)
        # Print spells out each external link's address unless its text already is that address.
        marked = href and shows_its_address(unescape(href.group(1)), text)
        if marked:
            attributes = attributes.replace('class="external"', f'class="external {ADDRESS_CLASS}"')
        if re.search(r"\sdir=", attributes) or not reads_left_to_right(text):
            return f"<a{attributes}>{content}</a>" if marked else match.group(0)
        return f'<a{attributes} dir="ltr">{content}</a>'

    return LINK.sub(isolate, html)
