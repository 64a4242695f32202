"""Rich text as it may reach a reader: only the tags and attributes the editor's features produce.

The admin's editor already limits rich text, but the API's write operations, the content
package and any other code path can store arbitrary HTML; what is rendered is cleaned here,
so a stored <script>, event handler or javascript: link never reaches a page or an API consumer.
"""

import nh3
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from pages.bidi import isolate_links

TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "b", "strong", "i", "em", "a"}
ATTRIBUTES = {"a": {"href", "class", "rel", "aria-describedby", "lang"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel=None)


def render_rich_text(value):
    """Wagtail's stored rich text (or a RichText value) expanded and cleaned, safe to put in a page.

    Links are isolated here, after cleaning, so that a number or address in an Arabic paragraph
    reads in its own order whichever path stored the text (pages/bidi.py).
    """
    source = getattr(value, "source", value) or ""
    return mark_safe(isolate_links(clean_html(expand_db_html(source))))  # noqa: S308 (cleaned just above)
