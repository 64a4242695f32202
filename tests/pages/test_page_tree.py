from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import AccessibilityStatementPage, ChapterPage, HomePage, SafetyAdvicePage, StrategyPage


class PageTreeRulesTest(WagtailPageTestCase):
    """Editors can only build home → strategy → chapters, with chapters nesting."""

    def test_home_holds_strategies_and_the_sites_own_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {StrategyPage, SafetyAdvicePage, AccessibilityStatementPage})
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_a_strategy_lives_under_a_home_page_and_holds_chapters(self):
        self.assertAllowedParentPageTypes(StrategyPage, {HomePage})
        self.assertAllowedSubpageTypes(StrategyPage, {ChapterPage})

    def test_chapters_nest_under_a_strategy_or_a_chapter(self):
        self.assertAllowedParentPageTypes(ChapterPage, {StrategyPage, ChapterPage})
        self.assertAllowedSubpageTypes(ChapterPage, {ChapterPage})

    def test_a_chapter_cannot_be_created_directly_under_home(self):
        self.assertCanNotCreateAt(HomePage, ChapterPage)
        self.assertCanNotCreateAt(StrategyPage, StrategyPage)
        self.assertCanCreateAt(ChapterPage, ChapterPage)
