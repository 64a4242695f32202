from django import template

from cms.translation_locks import restrict_editor_props

register = template.Library()


@register.filter
def restricted_for(props_json, user):
    return restrict_editor_props(props_json, user)
