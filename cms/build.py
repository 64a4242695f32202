"""Which build of the code is running, so that answers cached by another build are never served.

Cached API answers and pages are keyed by the content version, which only publishing renews; a
deploy that changes templates, code or packages changes what the same content looks like. Two
instances of one build compute the same id, so they still share their cache.
"""

import hashlib
import sysconfig
from pathlib import Path

SOURCE_DIRS = ("cms", "pages", "snippets", "webhooks", "locale")
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".po", ".json", ".yaml"}


def fingerprint(root, packages=True):
    digest = hashlib.sha256()
    for directory in SOURCE_DIRS:
        for path in sorted((Path(root) / directory).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    if packages:
        # Installed distributions by name and version, read from their directory names (fast).
        site_packages = {Path(sysconfig.get_paths()[key]) for key in ("purelib", "platlib")}
        installed = sorted(path.name for directory in site_packages for path in directory.glob("*.dist-info"))
        digest.update("\n".join(installed).encode())
    return digest.hexdigest()[:16]
