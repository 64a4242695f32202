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
