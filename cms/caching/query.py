"""Server cache keys from the normalised known parameters, so the cache cannot be flooded.

Unknown parameters are refused before this (StrictQueryParametersMiddleware). What is left is
rewritten to one canonical form before the view reads it: sorted by name, each value once,
defaults left out. The view answers from exactly what the key names, and `?locale=sv`,
`?locale=sv&locale=sv` and `?` share one cache entry.
"""

import json
from urllib.parse import urlencode

from django.http import QueryDict


class Conflict(ValueError):
    """A single-valued parameter given more than once with different values."""


def parameter_spec(parameter):
    """(default, whether it takes a list) of one OpenAPI query parameter."""
    schema = parameter.get("schema", {})
    members = schema.get("anyOf", [schema])
    is_list = any(member.get("type") == "array" for member in members)
    return schema.get("default"), is_list


def is_default(value, default):
    if default is None or isinstance(default, list):
        return False
    return value == str(default) or value == json.dumps(default)


def normalise(query, specs):
    """The canonical QueryDict of a request's query, given {name: (default, is_list)}."""
    normal = QueryDict(mutable=True)
    for name in sorted(query):
        default, is_list = specs.get(name, (None, False))
        values = list(dict.fromkeys(query.getlist(name)))
        if not is_list and len(values) > 1:
            raise Conflict(name)
        if not is_list and is_default(values[0], default):
            continue
        normal.setlist(name, values)
    return normal


def canonical_path(request):
    """What a stored answer is keyed by: the path and, for a documented operation, its normalised query.

    Elsewhere (the OpenAPI document, the docs page) the query changes nothing, so it is left out.
    """
    if not getattr(request, "api_operation_known", False):
        return request.path
    return request.path + "?" + urlencode(sorted(request.GET.lists()), doseq=True)
