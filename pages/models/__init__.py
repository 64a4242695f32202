"""Page types, one module each: home → strategy → chapters (which nest), and the site's own pages."""

# Page types register in this order, and it is the order of the OpenAPI document's unions
# (tests/cms/api/snapshots/openapi.json).
# isort: off
from .safety_advice import SafetyAdvicePage
from .accessibility_statement import AccessibilityStatementPage, FeedbackFormField
from .chapter import ChapterPage
from .home import HomePage
from .strategy import StrategyPage

# isort: on

__all__ = [
    "AccessibilityStatementPage",
    "ChapterPage",
    "FeedbackFormField",
    "HomePage",
    "SafetyAdvicePage",
    "StrategyPage",
]
