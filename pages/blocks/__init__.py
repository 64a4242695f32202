"""The one list of blocks a chapter body may contain; add a block here and nowhere else."""

from .actors import ActorMatrixBlock, ActorResponsibilitiesBlock, ActorRoleBlock, ActorsBlock
from .contacts import ContactBlock, ContactsBlock, ContactTableBlock
from .glossary import ConceptBlock, GoalBlock, GoalOverviewBlock, IndicatorsBlock
from .resources import ResourcesBlock
from .text import CalloutBlock, HeadingBlock, rich_text_block


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
        ("contact", ContactBlock()),
        ("contacts", ContactsBlock()),
        ("contact_table", ContactTableBlock()),
        ("resources", ResourcesBlock()),
    ]
