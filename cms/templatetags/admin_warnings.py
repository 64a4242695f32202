"""What the admin's delete confirmations show besides Wagtail's own usage count."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

register = template.Library()


@register.simple_tag
def pages_using(obj):
    """The pages whose content chooses this object, from Wagtail's reference index."""
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).select_related("locale").order_by("path"))


@register.simple_tag
def other_translations(page):
    """The page's translations in other languages, drafts included."""
    return list(page.get_translations().select_related("locale").order_by("locale__language_code"))
