"""The one list of blocks a chapter body may contain; add a block here and nowhere else."""

from wagtail import blocks

from .actors import ActorMatrixBlock, ActorResponsibilitiesBlock, ActorRoleBlock, ActorsBlock
from .contacts import ContactsBlock, ContactTableBlock
from .glossary import ConceptBlock, GoalBlock, GoalOverviewBlock, IndicatorsBlock
from .prefetch import bind_ids
from .references import SNIPPET_REFERENCES
from .resources import ResourcesBlock
from .text import CalloutBlock, HeadingBlock, rich_text_block

__all__ = ["SNIPPET_REFERENCES", "BodyBlock", "body_blocks"]


class BodyBlock(blocks.StreamBlock):
    """A chapter body. Shown in the API with each snippet model's chosen ids fetched once (prefetch.bind_ids)."""

    def get_api_representation(self, value, context=None):
        if value is not None:
            # The API shows a chosen snippet as its id (ChooserBlock.get_prep_value).
            value = bind_ids(value)
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
