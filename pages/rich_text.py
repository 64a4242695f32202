from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import LinkHandler

EXTERNAL_HINT_ID = "external-link-hint"


ADDRESS_CLASS = "external--address"


def shows_its_address(href, text):
    """Whether a link's text already is its address ("www.nmtsverige.se" for http://www.nmtsverige.se/).

    Print spells out a link's address after its text; for these it would say the same thing twice.
    """

    def bare(address):
        address = address.strip().lower()
        for scheme in ("https://", "http://", "mailto:"):
            address = address.removeprefix(scheme)
        return address.rstrip("/")

    return bool(text.strip()) and bare(href) == bare(text)


def external_link_open_tag(href, ltr=False, shows_address=False):
    # One hidden sentence in the base template describes every external link, so screen
    # readers announce it without each link repeating text that translators must keep in sync.
    return format_html(
        '<a href="{}" class="{}" rel="external noopener noreferrer" aria-describedby="{}"{}>',
        href,
        f"external {ADDRESS_CLASS}" if shows_address else "external",
        EXTERNAL_HINT_ID,
        mark_safe(' dir="ltr"') if ltr else "",
    )


class ExternalLinkHandler(LinkHandler):
    """Marks links to other websites in rich text, as the site's own external links are marked."""

    identifier = "external"

    @staticmethod
    def expand_db_attributes(attrs):
        return external_link_open_tag(attrs.get("href", ""))
