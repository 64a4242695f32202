"""Our own GET in place of Wagtail's on its pages router: same path, same security, our schema."""

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.routers import pages as wagtail_pages


def replace_get(path, view, **operation):
    """Drop Wagtail's GET at `path` (keeping its other methods) and serve `view` there, anonymous or with a token."""
    router = wagtail_pages.router
    path_view = router.path_operations[path]
    path_view.operations = [op for op in path_view.operations if "GET" not in op.methods]
    router.add_api_operation(path, ["GET"], view, auth=[BearerTokenAuth(), AllowAnonymous()], **operation)
