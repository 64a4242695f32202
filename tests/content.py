from functools import cache

import yaml
from wagtail.models import Locale


def sv(model):
    """The Swedish source objects of a model; every packaged object also exists in en, fi and ar."""
    return model.objects.filter(locale=Locale.objects.get(language_code="sv"))


@cache
def shipped_strategy_key():
    """The translation key of the shipped strategy (pages/content/strategy.yaml), as the package derives it."""
    from pages.content_package.keys import translation_key
    from pages.content_package.reader import DEFAULT_PATH

    return translation_key("page", yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))["strategy"]["slug"])


def shipped_strategy(language_code="sv"):
    """The shipped strategy in a language, found by its key: a test may have built other strategies beside it."""
    from pages.models import StrategyPage

    return StrategyPage.objects.get(translation_key=shipped_strategy_key(), locale__language_code=language_code)
