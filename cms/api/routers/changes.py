"""Delta sync: what changed in the public content since a cursor, oldest first, with tombstones."""

from typing import Annotated, Literal

from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from cms.models import ContentChange

from ...api_paths import PREFIX
from ..content import base_url

router = Router(tags=["changes"])
PUBLIC = [BearerTokenAuth(), AllowAnonymous()]
MAX_LIMIT = 100


class ChangesQuery(Schema):
    since: Annotated[str, Field(pattern=r"^\d{1,18}$")] = Field(
        "0", description="The `next` cursor of the previous answer; `0` (the default) for the whole history."
    )
    limit: int = Field(MAX_LIMIT, ge=1, le=MAX_LIMIT, description="At most this many changes.")


class Change(Schema):
    cursor: str = Field(description="This change's position; `since` with it lists what came after.")
    kind: str = Field(description="`page`, `follow-ups` or the snippet collection, e.g. `contacts`.")
    id: int
    locale: str
    action: Literal["created", "updated", "unpublished", "deleted", "restricted"]
    tombstone: bool = Field(description="The object left the public's view: drop it from the copy.")
    url: str | None = Field(description="Where to fetch the object again; null for a tombstone.")
    occurred_at: str


class ChangeFeed(Schema):
    items: list[Change]
    next: str = Field(description="The cursor to ask with next time (unchanged when nothing happened).")
    more: bool = Field(description="More changes wait beyond `limit`: ask again at once with `next`.")


@router.get("/", response=ChangeFeed, auth=PUBLIC, operation_id="changes_list")
def changes(request, params: ChangesQuery = Query(...)):  # noqa: B008
    """Pages and snippets created, updated, unpublished, deleted or made private since the cursor."""
    root = base_url(request).rstrip("/") + PREFIX
    found = list(ContentChange.objects.filter(pk__gt=int(params.since))[: params.limit + 1])
    items = [
        {
            "cursor": str(change.pk),
            "kind": change.kind,
            "id": change.object_id,
            "locale": change.locale,
            "action": change.action,
            "tombstone": change.action in ContentChange.TOMBSTONES,
            "url": None if change.action in ContentChange.TOMBSTONES else url_of(root, change),
            "occurred_at": change.occurred_at.isoformat(),
        }
        for change in found[: params.limit]
    ]
    return {"items": items, "next": items[-1]["cursor"] if items else params.since, "more": len(found) > params.limit}


def url_of(root, change):
    collection = "pages" if change.kind == "page" else change.kind
    if change.kind == "follow-ups":
        # One id for a round in every language (its Swedish id); the language is asked for.
        return f"{root}{collection}/{change.object_id}/?locale={change.locale}"
    return f"{root}{collection}/{change.object_id}/"
