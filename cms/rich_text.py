from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.rich_text import LinkHandler

EXTERNAL_HINT_ID = "external-link-hint"


def external_link_open_tag(href, ltr=False):
    # One hidden sentence in the base template describes every external link, so screen
    # readers announce it without each link repeating text that translators must keep in sync.
    return format_html(
        '<a href="{}" class="external" rel="external noopener noreferrer" aria-describedby="{}"{}>',
        href,
        EXTERNAL_HINT_ID,
        mark_safe(' dir="ltr"') if ltr else "",
    )


class ExternalLinkHandler(LinkHandler):
    """Marks links to other websites in rich text, as the site's own external links are marked."""

    identifier = "external"

    @staticmethod
    def expand_db_attributes(attrs):
        return external_link_open_tag(attrs.get("href", ""))
