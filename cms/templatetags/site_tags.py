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
