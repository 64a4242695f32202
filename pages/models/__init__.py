"""Page types, one module each: home → strategy → chapters (which nest)."""

from .chapter import ChapterPage
from .home import HomePage
from .strategy import StrategyPage

__all__ = ["ChapterPage", "HomePage", "StrategyPage"]
