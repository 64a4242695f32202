"""Adding a body block is one entry in pages/blocks/__init__.py: the API's union, the strategy document,
the snippet loader and the content package all follow from the block's own description."""

import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from pages.content_package.reader import DEFAULT_PATH
from tests import loaded_database
from tests.loaded_database import ROOT

# One worker runs the module: the throwaway process (a package load) runs once.
pytestmark = pytest.mark.xdist_group("a_new_block")

NOTE = "A note only this test knows"
CONTACT = "mikamottagningen"


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    # A fresh process: the block list is read once, when the page models are built.
    database = tmp_path_factory.mktemp("throwaway") / "db.sqlite3"
    shutil.copy(loaded_database.sqlite_file(), database)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": f"sqlite:///{database}"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.pages.throwaway_block.run", CONTACT, NOTE],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_the_package_loads_it_and_a_second_load_changes_nothing(outcome):
    assert outcome["problems"] == []
    assert outcome["second_load"].get("created", 0) == 0
    assert outcome["second_load"].get("updated", 0) == 0


def test_the_package_reader_checks_its_snippet_reference(outcome):
    assert any("no-such-contact" in problem and "contact" in problem for problem in outcome["broken_problems"])


def test_the_strategy_document_shows_it_with_its_contact_expanded(outcome):
    [block] = [block for block in outcome["first_chapter_body"] if block["type"] == "throwaway_note"]
    assert block["value"]["note"] == NOTE
    package = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    [contact] = [item for item in package["contacts"] if item["key"] == CONTACT]
    assert block["value"]["contact"]["name"] == contact["name"]
    assert block["value"]["contact"]["phone"] == contact["phone"]


def test_the_openapi_document_types_it(outcome):
    schemas = outcome["schemas"]
    body = schemas["Chapter"]["properties"]["body"]["items"]
    assert body["discriminator"]["mapping"]["throwaway_note"].endswith("/ThrowawayNoteBlock")
    value = schemas["ThrowawayNoteBlock"]["properties"]["value"]
    assert value["$ref"].endswith("/NoteValue")
    assert schemas["NoteValue"]["properties"]["contact"]["$ref"].endswith("/ContactOut")
