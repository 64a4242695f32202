from django import template
from django.utils.html import format_html
from wagtail.models import Page

from ..rich_text import external_link_open_tag

register = template.Library()


@register.simple_tag
def external_link(href, text=""):
    return format_html("{}{}</a>", external_link_open_tag(href), text or href)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The page's ancestors below the tree root, in the page's own site, ending with the page itself."""
    return list(Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1).live().public().order_by("depth"))


@register.simple_tag
def live_translations(page):
    """The page in every language where a live, public translation exists (aliases are not translations)."""
    if page is None or not getattr(page, "pk", None):
        return []
    return list(
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("locale__language_code")
    )
