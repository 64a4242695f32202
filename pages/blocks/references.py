"""Which snippets a stored body chooses, read from its raw JSON without converting the blocks."""

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

# Which snippet each chooser block refers to: block type → (key in the block's value, snippet model).
# The content package and the API read stored bodies through this one map.
SNIPPET_REFERENCES = {
    "actors": ("actors", Actor),
    "actor_role": ("actor", Actor),
    "actor_responsibilities": ("actor", Actor),
    "concept": ("concept", Concept),
    "goal": ("goal", Goal),
    "goal_overview": ("goals", Goal),
    "indicators": ("category", IndicatorCategory),
    "contacts": ("contacts", Contact),
    "contact_table": ("contacts", Contact),
    "resources": ("resources", Resource),
}


def chosen_pks(block_value, key):
    """The ids a block's chooser holds, in order: one id, or a list of them.

    A list is stored as [{"type": "item", "value": pk, "id": ...}] (or plain pks before Wagtail 2.16).
    """
    chosen = block_value.get(key) if isinstance(block_value, dict) else None
    values = chosen if isinstance(chosen, list) else [chosen]
    pks = (value.get("value") if isinstance(value, dict) else value for value in values)
    return [pk for pk in pks if pk is not None]


def referenced_pks(raw_blocks):
    """{snippet model: {ids}} chosen anywhere in these raw blocks."""
    pks = {}
    for block in raw_blocks:
        if block is not None and block.get("type") in SNIPPET_REFERENCES:
            key, model = SNIPPET_REFERENCES[block["type"]]
            pks.setdefault(model, set()).update(chosen_pks(block["value"], key))
    return pks
