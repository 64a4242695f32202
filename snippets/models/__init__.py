"""Content edited once and shown wherever it is used: one module per family."""

from .actor import Actor, Responsibility
from .concept import Concept
from .contact import Contact
from .goal import Goal, GoalAudience
from .indicator import Indicator, IndicatorCategory
from .resource import Resource

__all__ = [
    "Actor",
    "Concept",
    "Contact",
    "Goal",
    "GoalAudience",
    "Indicator",
    "IndicatorCategory",
    "Resource",
    "Responsibility",
]
