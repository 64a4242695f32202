"""The one list of blocks a chapter body may contain; add a block here and nowhere else.

Each block describes itself (described.py): its API type, its API value, its package form and the
snippets it chooses. What other code needs is derived here from the list: the reference map
(`snippet_references`), the API's union members (`api_block_schemas`) and the serialiser (`api_body`).
"""

from functools import cache
from typing import Literal

from pydantic import create_model
from wagtail import blocks

from .actors import ActorMatrixBlock, ActorResponsibilitiesBlock, ActorRoleBlock, ActorsBlock
from .chosen import bind_copy, rows_only
from .contacts import ContactsBlock, ContactTableBlock
from .described import BlockContext
from .glossary import ConceptBlock, GoalBlock, GoalOverviewBlock, IndicatorsBlock
from .resources import ResourcesBlock
from .schemas import FromObject
from .text import CalloutBlock, HeadingBlock, rich_text_block

__all__ = [
    "BODY_BLOCKS",
    "BlockContext",
    "BodyBlock",
    "api_block_schemas",
    "api_body",
    "body_blocks",
    "described_blocks",
    "listed_models",
    "snippet_references",
]

# (type name, what makes the block): the registry.
BODY_BLOCKS = [
    ("heading", HeadingBlock),
    ("rich_text", rich_text_block),
    ("callout", CalloutBlock),
    ("actors", ActorsBlock),
    ("actor_role", ActorRoleBlock),
    ("actor_responsibilities", ActorResponsibilitiesBlock),
    ("actor_matrix", ActorMatrixBlock),
    ("concept", ConceptBlock),
    ("goal", GoalBlock),
    ("goal_overview", GoalOverviewBlock),
    ("indicators", IndicatorsBlock),
    ("contacts", ContactsBlock),
    ("contact_table", ContactTableBlock),
    ("resources", ResourcesBlock),
]


class BodyBlock(blocks.StreamBlock):
    """A chapter body. Shown in Wagtail's page API with chosen snippets as their ids, loaded once per model."""

    def get_api_representation(self, value, context=None):
        if value is not None:
            # The API shows a chosen snippet as its id (ChooserBlock.get_prep_value); a deleted one is dropped.
            value = bind_copy(value, load=rows_only)
        return super().get_api_representation(value, context=context)


def body_blocks():
    return [(name, make()) for name, make in BODY_BLOCKS]


@cache
def described_blocks():
    """{type name: block}: one instance of each, for what is derived from the list."""
    described = {}
    for name, block in body_blocks():
        block.set_name(name)
        described[name] = block
    return described


@cache
def snippet_references():
    """{block type: {value key: snippet model}}: which snippets a stored body chooses, and where."""
    return {
        name: {key: model for key, (model, _many) in block.chooses().items()}
        for name, block in described_blocks().items()
        if block.chooses()
    }


@cache
def listing_blocks():
    """{block type: the snippet models such a block lists whole}."""
    return {name: block.lists_every for name, block in described_blocks().items() if block.lists_every}


def listed_models(raw_blocks):
    """The snippet models that some of these stored blocks list whole."""
    listing = listing_blocks()
    return {model for block in raw_blocks if block.get("type") in listing for model in listing[block["type"]]}


@cache
def api_block_schemas():
    """{block type: the API's type of such a block}: {type, id, value}, named as the block class is."""
    return {
        name: create_model(
            type(block).__name__,
            __base__=FromObject,
            type=(Literal[name], ...),
            id=(str, ...),
            value=(block.api_schema, ...),
        )
        for name, block in described_blocks().items()
    }


def api_body(raw_body, context):
    """A stored body as the API shows it: one schema per block, read from the snippets `context` holds.

    A block whose chosen snippet is not there (unpublished, deleted) is left out, as on the site.
    """
    schemas = api_block_schemas()
    validation = {"rich_text": context.rich_text, "shown": context.shown}
    shown = []
    for block in raw_body:
        described = described_blocks().get(block.get("type"))
        if described is None:
            continue  # a type no longer in the list: Wagtail drops it too
        value = described.api_value(block["value"], context)
        if value is not None:
            shown.append(
                schemas[block["type"]].model_validate(
                    {"type": block["type"], "id": block.get("id") or "", "value": value}, context=validation
                )
            )
    return shown
