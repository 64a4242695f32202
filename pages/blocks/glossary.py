"""Blocks for the strategy's typed knowledge: concepts, goals and indicators of vulnerability."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import ConceptChooserBlock, GoalChooserBlock, IndicatorCategoryChooserBlock


class ConceptBlock(blocks.StructBlock):
    concept = ConceptChooserBlock(label=_("concept"))

    class Meta:
        icon = "help"
        label = _("Concept")
        template = "pages/blocks/concept.html"


class GoalBlock(blocks.StructBlock):
    goal = GoalChooserBlock(label=_("goal"))

    class Meta:
        icon = "tick-inverse"
        label = _("Goal")
        template = "pages/blocks/goal.html"


class GoalOverviewBlock(blocks.StructBlock):
    goals = blocks.ListBlock(GoalChooserBlock(), label=_("goals"))

    class Meta:
        icon = "list-ul"
        label = _("List of goals")
        template = "pages/blocks/goal_overview.html"


class IndicatorsBlock(blocks.StructBlock):
    category = IndicatorCategoryChooserBlock(label=_("category"))

    class Meta:
        icon = "warning"
        label = _("Indicators of vulnerability")
        template = "pages/blocks/indicators.html"
