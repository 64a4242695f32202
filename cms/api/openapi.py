"""The project's corrections to the OpenAPI document, so that it validates and says what the API answers.

Wagtail's generated document has three gaps (decision 0009): the `AllowAnonymous` scheme is an
`http` scheme without `scheme`, operations document no error answers, and the token-only
`/snippets/{type}/` operations take a `{type}` whose schema matches no value.
"""

from ..api_paths import PREFIX
from .locales import CODES

PROBLEM = {
    "type": "object",
    "description": "An RFC 9457 problem: the one shape of every error under /api/v3/.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
        "available_locales": {
            "type": "array",
            "items": {"type": "string", "enum": list(CODES)},
            "description": "On an unknown locale or a missing translation: the locales that exist.",
        },
    },
}

ERRORS = {
    "400": "A query parameter is unknown, malformed, out of bounds, or names an unknown locale.",
    "401": "The bearer token is missing, unknown or revoked where one is needed.",
    "403": "The token's user may not do this.",
    "404": "Nothing at this path, an unknown id, or no live translation in the requested locale.",
    "422": "The request body is invalid.",
}


def problem_response(description):
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


def correct(document):
    components = document.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    # Anonymous access is the empty security requirement, not a scheme of its own.
    components.get("securitySchemes", {}).pop("AllowAnonymous", None)
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if "security" in operation:
                operation["security"] = [
                    {} if requirement == {"AllowAnonymous": []} else requirement
                    for requirement in operation["security"]
                ]
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "locale":
                    document_locale(parameter["schema"])
            responses = operation.setdefault("responses", {})
            statuses = ["400", "404"]
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            # Anonymous reads never answer 401/403 (an unknown token reads anonymously); token-only
            # operations and draft previews do.
            if {} not in operation.get("security", [{}]) or "version" in names:
                statuses += ["401", "403"]
            if "requestBody" in operation or method in ("post", "put", "patch"):
                statuses.append("422")
            for status in statuses:
                responses[status] = problem_response(ERRORS[status])
            if path.endswith("/find/"):
                responses["302"] = {
                    "description": "The object found: a redirect to its detail, keeping the other parameters.",
                    "headers": {"Location": {"schema": {"type": "string"}}},
                }
    return document


def document_locale(schema):
    """Wagtail's own `locale` parameters are optional strings: the same enum as ours."""
    for member in schema.get("anyOf", [schema]):
        if member.get("type") == "string":
            member["enum"] = list(CODES)


# Wagtail's token-only `/snippets/{type}/` operations: no snippet type is registered with them (our
# snippets have public collections of their own), so their `{type}` enum is empty and no request
# can be valid. They stay mounted for Wagtail, but out of the contract.
HIDDEN_PREFIX = f"{PREFIX}snippets/"


def hide_snippet_type_operations(document):
    for path in [path for path in document["paths"] if path.startswith(HIDDEN_PREFIX)]:
        del document["paths"][path]
    schemas = document["components"]["schemas"]
    referenced = set()
    pending = [document["paths"]]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.rsplit("/", 1)[-1]
            if ref.startswith("#/components/schemas/") and name not in referenced:
                referenced.add(name)
                pending.append(schemas.get(name))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    for name in set(schemas) - referenced:
        del schemas[name]


def install(api):
    generate = api.get_openapi_schema

    def get_openapi_schema(**kwargs):
        document = generate(**kwargs)
        hide_snippet_type_operations(document)
        return correct(document)

    api.get_openapi_schema = get_openapi_schema
