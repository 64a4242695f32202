"""The translator's own steps shown in wagtail-localize's translation editor."""

from django import template

from cms import translation_actions

register = template.Library()


@register.simple_tag
def translation_panel(obj, user):
    return translation_actions.status(obj, user)
