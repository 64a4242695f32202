"""A deploy never serves answers cached by the previous build, and two instances of one build share them."""

import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.build import SOURCE_DIRS, fingerprint

ROOT = Path(__file__).resolve().parents[2]


def copy_of_the_source(tmp_path):
    for directory in SOURCE_DIRS:
        shutil.copytree(ROOT / directory, tmp_path / directory, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_a_changed_template_is_another_build(tmp_path):
    tree = copy_of_the_source(tmp_path)
    first = fingerprint(tree, packages=False)
    assert fingerprint(tree, packages=False) == first == fingerprint(ROOT, packages=False)
    template = tree / "cms" / "templates" / "base.html"
    template.write_text(template.read_text() + "<!-- ny version -->")
    assert fingerprint(tree, packages=False) != first


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "api"])
def test_answers_cached_by_another_build_are_not_served(client, settings, built, kind):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    chapter = built.work
    path = chapter.url if kind == "page" else f"/api/v3/pages/{chapter.pk}/"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    queries()
    assert queries() == 0  # the same build answers from the cache
    settings.BUILD_ID = "the next deploy"
    assert queries() > 0
