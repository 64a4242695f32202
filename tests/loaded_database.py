"""The shipped strategy, migrated and loaded once and kept: every test process, the browser tests' server
and `make fuzz` start from a copy instead of running `migrate` and `load_strategy` again (a minute each).

The loaded database is built by the project's own commands in a subprocess, as a deploy builds it, and kept
under a key of everything that can change what those commands write: the apps' code, migrations and
content, the interface catalogues and the locked library versions. A change to any of them builds it anew
on the next run; a run that changes nothing reuses it. One process builds while the others wait on a lock.

On SQLite the kept database is a file in .test-databases/; on PostgreSQL it is a database on the same
server, copied with CREATE DATABASE ... TEMPLATE.

    python -m tests.loaded_database    # builds (or finds) the SQLite file and prints its path
"""

import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".test-databases"
APPS = ("cms", "pages", "snippets", "followup", "webhooks")
KEPT_ON_POSTGRES = 4
# Templates, styles and scripts are read when a page is served, never when the database is built.
NOT_BUILD_INPUTS = {".html", ".css", ".js", ".pyc", ".png", ".jpg", ".svg", ".woff2"}


def key():
    digest = hashlib.sha256()
    inputs = [ROOT / "requirements.lock", ROOT / "manage.py", *(ROOT / "locale").rglob("*.[pm]o")]
    for app in APPS:
        inputs += [
            path
            for path in (ROOT / app).rglob("*")
            if path.is_file() and path.suffix not in NOT_BUILD_INPUTS and "__pycache__" not in path.parts
        ]
    for path in sorted(inputs):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@contextmanager
def building(name):
    """Only one process builds a given database; the others wait and then find it built."""
    CACHE.mkdir(exist_ok=True)
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build(database_url):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    quiet = {"env": env, "cwd": ROOT, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], **quiet)
    subprocess.run([*manage, "load_strategy"], **quiet)


def sqlite_file():
    """The path of the kept SQLite file; copy it, never open it."""
    path = CACHE / f"strategy-{key()}.sqlite3"
    if path.exists():
        return path
    with building("sqlite"):
        if not path.exists():
            partial = path.with_suffix(".partial")
            for leftover in CACHE.glob(f"{partial.name}*"):
                leftover.unlink()
            build(f"sqlite:///{partial}")
            # The settings run SQLite in WAL mode: fold the log into the file so one file is the database.
            with sqlite3.connect(partial) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            for leftover in CACHE.glob(f"{partial.name}-*"):
                leftover.unlink()
            partial.rename(path)
            for old in CACHE.glob("strategy-*.sqlite3"):
                if old != path:
                    old.unlink()
    return path


def postgres_template(database_url):
    """The name of the kept database on the server of `database_url` (postgres://.../any_name)."""
    import psycopg

    prefix = f"{urlsplit(database_url).path.lstrip('/')[:30]}_loaded_"
    name = prefix + key()
    with building("postgres"), psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            # Other work trees may build the same one on the same server at the same time.
            partial = f"{name}_{os.getpid()}"
            server.execute(f'CREATE DATABASE "{partial}"')
            build(server_url(database_url, partial))
            try:
                server.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
            except psycopg.errors.DuplicateDatabase:
                server.execute(f'DROP DATABASE "{partial}"')
            # The newest few stay: another work tree's run may be copying one of them.
            kept = server.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s AND length(datname) = %s ORDER BY oid DESC",
                [f"{prefix}%", len(name)],
            ).fetchall()
            for (old,) in kept[KEPT_ON_POSTGRES:]:
                server.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
    return name


def copy_postgres(database_url, copy):
    """A fresh database named `copy` holding the loaded strategy, on the server of `database_url`."""
    import psycopg

    template = postgres_template(database_url)
    with psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{template}"')


def drop_postgres(database_url, name):
    import psycopg

    with psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_url(database_url, name):
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


if __name__ == "__main__":
    print(sqlite_file())
