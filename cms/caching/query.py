"""Server cache keys from the normalised known parameters, so the cache cannot be flooded.

Unknown parameters are refused before this (StrictQueryParametersMiddleware). What is left is
rewritten to one canonical form before the view reads it: sorted by name, each value once,
defaults left out. The view answers from exactly what the key names, and `?locale=sv`,
`?locale=sv&locale=sv` and `?` share one cache entry. The comma-separated choices (`fields=`,
`expand=`) are sorted and each name kept once too: `fields=name,name` and `fields=phone,name`
name the same answer as `fields=name,phone`.
"""

import json
from urllib.parse import urlencode

from django.http import QueryDict

# Parameters whose value is a set of names: the order and repeats of the names change nothing.
NAME_SETS = ("fields", "expand")


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
        if name in NAME_SETS:
            values = [",".join(sorted(set(value.split(",")))) for value in values]
            values = list(dict.fromkeys(values))
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
