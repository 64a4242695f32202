"""Page types, one module each: home → strategy → chapters (which nest), and the site's own pages."""

from .accessibility_statement import AccessibilityStatementPage, FeedbackFormField
from .chapter import ChapterPage
from .home import HomePage
from .safety_advice import SafetyAdvicePage
from .strategy import StrategyPage

__all__ = [
    "AccessibilityStatementPage",
    "ChapterPage",
    "FeedbackFormField",
    "HomePage",
    "SafetyAdvicePage",
    "StrategyPage",
]
