"""Blocks for the strategy's typed knowledge: concepts, goals and indicators of vulnerability."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ConceptChooserBlock, GoalChooserBlock, IndicatorCategoryChooserBlock
from .described import DescribedStructBlock
from .schemas import ConceptOut, GoalOut, IndicatorCategoryOut


class ConceptBlock(DescribedStructBlock):
    concept = ConceptChooserBlock(label=_("concept"))
    api_schema = ConceptOut

    class Meta:
        icon = "help"
        label = _("Concept")
        template = "pages/blocks/concept.html"


class GoalBlock(DescribedStructBlock):
    goal = GoalChooserBlock(label=_("goal"))
    api_schema = GoalOut

    class Meta:
        icon = "tick-inverse"
        label = _("Goal")
        template = "pages/blocks/goal.html"


class GoalOverviewBlock(DescribedStructBlock):
    goals = blocks.ListBlock(GoalChooserBlock(), label=_("goals"))
    api_schema = list[GoalOut]

    class Meta:
        icon = "list-ul"
        label = _("List of goals")
        template = "pages/blocks/goal_overview.html"


class IndicatorsBlock(DescribedStructBlock):
    category = IndicatorCategoryChooserBlock(label=_("category"))
    api_schema = IndicatorCategoryOut

    class Meta:
        icon = "warning"
        label = _("Indicators of vulnerability")
        template = "pages/blocks/indicators.html"
