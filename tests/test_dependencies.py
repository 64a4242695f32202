"""The lock file is what runs: every declared dependency is pinned within its range, and the
environment the tests run in has exactly the locked versions."""

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def locked():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_every_declared_dependency_is_locked_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    pins = locked()
    outside = [
        str(r)
        for r in declared
        if canonicalize_name(r.name) not in pins or pins[canonicalize_name(r.name)] not in r.specifier
    ]
    assert outside == []


def test_the_tests_run_on_the_locked_versions():
    installed = {canonicalize_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    differing = {
        name: (version, installed.get(name)) for name, version in locked().items() if installed.get(name) != version
    }
    assert differing == {}
