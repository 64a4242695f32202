"""Values a translation keeps exactly as the Swedish source has them.

wagtail-localize lets a translator "override" a synchronised value per language. Here that is
refused for every field declared `SynchronizedField(..., overridable=False)` (phone numbers, web
addresses, categories, dates, flags), and for `tel:` and `mailto:` link targets in rich text:
wagtail-localize always offers a rich-text link's href as an override, with no setting to stop
it, and a number someone dials must be the reviewed Swedish one in every language. Other links
in rich text stay overridable: a translator may point to the same page in their language.
"""

import json

from django.db.models import ManyToOneRel
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import OverridableSegment

LOCKED_LINK_SCHEMES = ("tel:", "mailto:")


def _declared_field(model, path):
    """The SynchronizedField/TranslatableField that declares the value at `path`, if any.

    Paths are "field", or "relation.<row key>.field" for a value in an inline row.
    """
    name, _dot, rest = path.partition(".")
    for declared in get_translatable_fields(model):
        if declared.field_name != name:
            continue
        field = declared.get_field(model)
        if isinstance(field, ManyToOneRel) and rest:
            _row_key, _dot, row_path = rest.partition(".")
            return _declared_field(field.related_model, row_path)
        return declared
    return None


def is_locked(segment):
    """True if the overridable segment's value may not differ from the source in a translation."""
    value = segment.data
    if isinstance(value, str) and value.strip().lower().startswith(LOCKED_LINK_SCHEMES):
        return True
    model = segment.source.specific_content_type.model_class()
    declared = _declared_field(model, segment.context.path) if model else None
    # A stored segment of a field that is no longer overridable (extracted before the change) too.
    return isinstance(declared, SynchronizedField) and not declared.overridable


def locked_segment_ids(segment_ids):
    segments = OverridableSegment.objects.filter(pk__in=segment_ids).select_related(
        "context", "source__specific_content_type"
    )
    return {segment.pk for segment in segments if is_locked(segment)}


def restrict_editor_props(props_json, user):
    """The translation editor's props without locked overrides, and without "convert to alias"
    for anyone but an administrator."""
    props = json.loads(props_json)
    overridable = [s["id"] for s in props.get("segments", []) if s.get("type") == "synchronised_value"]
    locked = locked_segment_ids(overridable)
    props["segments"] = [
        s for s in props.get("segments", []) if not (s.get("type") == "synchronised_value" and s["id"] in locked)
    ]
    if "initialOverrides" in props:
        props["initialOverrides"] = [o for o in props["initialOverrides"] if o.get("segment_id") not in locked]
    if not user.is_superuser and props.get("links", {}).get("convertToAliasUrl"):
        props["links"]["convertToAliasUrl"] = None
    return json.dumps(props)
