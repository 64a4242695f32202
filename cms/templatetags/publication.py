"""Who published an object and when, as the admin's status panel shows it."""

from django import template
from wagtail.log_actions import registry as log_registry

register = template.Library()


@register.simple_tag
def last_publication(obj):
    """The latest publish log entry: its user is the approver, unlike the live revision's author."""
    if obj is None or not getattr(obj, "pk", None):
        return None
    return log_registry.get_logs_for_instance(obj).filter(action="wagtail.publish").order_by("-timestamp").first()


@register.simple_tag
def compare_url_name(obj, given):
    """The revisions-compare URL name for the workflow timeline's links.

    wagtail-localize's translation editor gives a snippet Wagtail's generic status panel, which lacks
    it, so the timeline of a translation under review failed to render (a 500 for the translator who
    had just submitted it, and for the approver opening it).
    """
    if given:
        return given
    viewset = getattr(obj, "snippet_viewset", None)
    return viewset.get_url_name("revisions_compare") if viewset else "wagtailadmin_pages:revisions_compare"
