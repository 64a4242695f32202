"""What the admin's delete confirmations show besides Wagtail's own usage count."""

from django import template
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from cms.whole_deletes import translations_of

register = template.Library()


@register.simple_tag
def pages_using(obj):
    """The pages whose content chooses or links to this object or to a translation deleted with it."""
    page_type = ContentType.objects.get_for_model(Page)
    deleted = [obj, *translations_of(obj)]
    deleted_pages = {item.pk for item in deleted if isinstance(item, Page)}
    page_ids = {
        int(pk)
        for item in deleted
        for pk in ReferenceIndex.get_references_to(item)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    # A page that links to itself or to another translation going with it is deleted anyway.
    pages = Page.objects.filter(pk__in=page_ids - deleted_pages).select_related("locale").order_by("path")
    return list(pages.specific())


@register.simple_tag
def translations_deleted_with(obj):
    """The translations that go with this object when it is Swedish source content, drafts included."""
    return translations_of(obj)
