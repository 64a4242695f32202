"""What a body block says about itself besides its fields (docs/decisions/0013-blocks-describe-themselves.md).

Each body block declares its API type (`api_schema`) and knows how its stored value becomes the API's
value and how the content package's value becomes its stored value; which snippet models it chooses is
read from its own chooser fields. The API union, the reference map, the serializer and the package
writer and reader are all derived from the block list in pages/blocks/__init__.py.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wagtail import blocks

from .choosers import PrefetchingChooserBlock
from .chosen import ChosenSnippets, chosen_pks


@dataclass
class BlockContext:
    """What serialising bodies for the API needs: the loaded snippets, how rich text becomes the API's HTML,
    and every snippet of a model in the document's language (for a block that lists them all)."""

    snippets: ChosenSnippets
    rich_text: Callable[[str], str] = str
    every: Callable[[type], list] = field(default=lambda model: [])
    cache: dict = field(default_factory=dict)
    # {(schema, id(object)): (object, its schema instance)}: each snippet read once per answer (FromObject).
    shown: dict = field(default_factory=dict)

    def every_once(self, model):
        if model not in self.cache:
            self.cache[model] = list(self.every(model))
        return self.cache[model]


class DescribedBlock:
    """A body block: its API type and its conversions, next to its fields."""

    # The type of the block's `value` in the API (a pydantic/ninja type); the union member is derived.
    api_schema: Any = None
    # Snippet models the block shows whole (every published one in the document's language) without
    # choosing them: loaded once per answer, and choices among them are served from that load.
    lists_every: tuple = ()

    def chooses(self):
        """{field name: (snippet model, many)}: the snippets this block chooses, read from its fields."""
        return {}

    def api_value(self, value, context):
        """The stored (JSON) value as the API shows it, for `api_schema` to read; None leaves the block out."""
        return value

    def from_package(self, value, pk, item_id):
        """The content package's value as stored: snippet keys become ids (`pk(model, key)`), list items get
        the ids `item_id(field, index)` derives, so that every installation stores the same JSON."""
        return value


class DescribedStructBlock(DescribedBlock, blocks.StructBlock):
    """A StructBlock whose snippet choices are its chooser fields: in the API a chosen snippet is shown whole,
    and a block that holds nothing but one chooser field is shown as the snippet (or list) itself."""

    def chooses(self):
        chosen = {}
        for name, child in self.child_blocks.items():
            if isinstance(child, PrefetchingChooserBlock):
                chosen[name] = (child.target, False)
            elif isinstance(child, blocks.ListBlock) and isinstance(child.child_block, PrefetchingChooserBlock):
                chosen[name] = (child.child_block.target, True)
        return chosen

    def api_value(self, value, context):
        chosen = self.chooses()
        shown = {}
        for name in self.child_blocks:
            if name in chosen:
                model, many = chosen[name]
                found = context.snippets.get(model, chosen_pks(value, name))
                if not many and not found:
                    return None  # a chosen snippet that is not published leaves the block out, as on the site
                shown[name] = found if many else found[0]
            else:
                shown[name] = value.get(name) or ""
        if len(shown) == 1 and list(shown) == list(chosen):
            return next(iter(shown.values()))
        return shown

    def from_package(self, value, pk, item_id):
        value = dict(value)
        for name, (model, many) in self.chooses().items():
            if many:
                value[name] = [
                    {"type": "item", "value": pk(model, key), "id": item_id(name, index)}
                    for index, key in enumerate(value[name])
                ]
            else:
                value[name] = pk(model, value[name])
        return value
