"""No page shows template syntax or escaped markup: a reader sees text, never the machinery."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from pages.models import StrategyPage
from tests.site_text import live_pages, read

ROOT = Path(settings.BASE_DIR)


def test_no_template_comment_spans_lines():
    """Django's {# #} ends at the line: one left open is printed on the page (17 times on the whole strategy)."""
    open_comments = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in ROOT.glob("*/templates/**/*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert open_comments == []


LEAK = re.compile(
    r"\{#|#\}|\{%|%\}|\{\{|\}\}|</?(?:p|a|b|i|em|strong|ul|ol|li|br|h[1-6]|div|span)\b[^>]*>|&(?:lt|gt|amp|quot|#\d+);"
)


@pytest.mark.django_db
def test_no_page_shows_template_syntax_or_escaped_markup(public_site):
    paths = [page.url for page in live_pages()]
    paths += [page.url + page.whole_strategy_path for page in StrategyPage.objects.live()]
    paths += ["/sv/sok/?q=polisen", "/en/search/?q=police", "/fi/haku/?q=poliisi", "/ar/finns-inte/"]
    leaks = {}
    for path in paths:
        text = read(public_site[path][1].content.decode()).text
        if found := LEAK.findall(text):
            leaks[path] = sorted(set(found))
    assert len(paths) > 80
    assert leaks == {}
