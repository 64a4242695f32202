"""generate_synthetic_content builds translated strategies whose bodies choose snippets of their own language."""

from io import StringIO

import pytest
from django.core.management import call_command

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact

pytestmark = pytest.mark.django_db


def test_it_builds_translated_trees_that_render(client):
    before = ChapterPage.objects.count()
    call_command("generate_synthetic_content", pages=24, locales=2, per_strategy=12, stdout=StringIO())
    created = ChapterPage.objects.count() - before
    assert created == 2 * 2 * 11  # two strategies of 12 pages (one of them the strategy), in sv and en

    synthetic = StrategyPage.objects.filter(slug__startswith="syntetisk-strategi-0-")
    assert sorted(synthetic.values_list("locale__language_code", flat=True)) == ["en", "sv"]
    assert synthetic.values("translation_key").distinct().count() == 1

    english = synthetic.get(locale__language_code="en")
    chapters = ChapterPage.objects.descendant_of(english)
    assert chapters.filter(depth=english.depth + 2).exists()  # sub-chapters, not only a flat list
    chosen = {
        item.pk
        for chapter in chapters
        for block in chapter.body
        if block.block_type == "contacts"
        for item in block.value["contacts"]
    }
    assert chosen and set(Contact.objects.filter(pk__in=chosen).values_list("locale__language_code", flat=True)) == {
        "en"
    }

    assert client.get(chapters.first().url).status_code == 200
    assert client.get(english.url + "whole-strategy/").status_code == 200
