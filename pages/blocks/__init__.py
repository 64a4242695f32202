"""The one list of blocks a chapter body may contain; add a block here and nowhere else."""

from wagtail import blocks

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from .actors import ActorMatrixBlock, ActorResponsibilitiesBlock, ActorRoleBlock, ActorsBlock
from .contacts import ContactsBlock, ContactTableBlock
from .glossary import ConceptBlock, GoalBlock, GoalOverviewBlock, IndicatorsBlock
from .prefetch import bind_all
from .resources import ResourcesBlock
from .text import CalloutBlock, HeadingBlock, rich_text_block

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


class BodyBlock(blocks.StreamBlock):
    """A chapter body. Bound for the API with each snippet model fetched once (prefetch.bind_all)."""

    def get_api_representation(self, value, context=None):
        if value is not None:
            # The API shows a chosen snippet as its id (ChooserBlock.get_prep_value).
            bind_all(value, only_pk=True)
        return super().get_api_representation(value, context=context)


def body_blocks():
    return [
        ("heading", HeadingBlock()),
        ("rich_text", rich_text_block()),
        ("callout", CalloutBlock()),
        ("actors", ActorsBlock()),
        ("actor_role", ActorRoleBlock()),
        ("actor_responsibilities", ActorResponsibilitiesBlock()),
        ("actor_matrix", ActorMatrixBlock()),
        ("concept", ConceptBlock()),
        ("goal", GoalBlock()),
        ("goal_overview", GoalOverviewBlock()),
        ("indicators", IndicatorsBlock()),
        ("contacts", ContactsBlock()),
        ("contact_table", ContactTableBlock()),
        ("resources", ResourcesBlock()),
    ]
