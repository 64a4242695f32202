"""StreamField data operations for migrations (used with Wagtail's MigrateStreamData).

Kept importable forever: a migration refers to them by this module path.
"""

import uuid

from django.utils.deconstruct import deconstructible
from wagtail.blocks.migrations.operations import BaseBlockOperation

# List item ids are derived from the block's id, so every stored copy of a body (the page, its
# revisions, the translation source's snapshot) gets the same item id and translation contexts
# keep pointing at the same place.
ITEM_ID_NAMESPACE = uuid.UUID("5b0f9c5e-8a43-4c55-9a2b-3c1d0f6e2a71")


def item_id(block_id):
    return str(uuid.uuid5(ITEM_ID_NAMESPACE, str(block_id)))


@deconstructible
class StreamChildToOneItemListOperation(BaseBlockOperation):
    """Turns each `old_type` child `{old_key: value}` into a `new_type` child `{new_key: [value]}`.

    For folding a single-item block into its list sibling (e.g. one contact card into contact
    cards); the block keeps its id. Apply at the StreamBlock's path ("" for the field itself).
    """

    def __init__(self, old_type, old_key, new_type, new_key):
        super().__init__()
        self.old_type, self.old_key = old_type, old_key
        self.new_type, self.new_key = new_type, new_key

    def apply(self, block_value):
        return [self.convert(child) if child["type"] == self.old_type else child for child in block_value]

    def convert(self, child):
        value = child["value"].get(self.old_key) if isinstance(child["value"], dict) else None
        items = [] if value is None else [{"type": "item", "value": value, "id": item_id(child.get("id"))}]
        return {**child, "type": self.new_type, "value": {self.new_key: items}}

    @property
    def operation_name_fragment(self):
        return f"{self.old_type}_into_{self.new_type}"
