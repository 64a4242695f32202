"""SQLite, the embedded database of `make run`: two processes that read and then write at the same time
queue for the lock instead of failing with "database is locked" (WAL and IMMEDIATE transactions)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Each transaction reads first and writes after: with SQLite's default DEFERRED transactions,
# two of these at once deadlock on the lock upgrade and one fails at once.
WRITER = """
from django.db import connection, transaction
from django.contrib.sessions.models import Session
from django.utils import timezone
for i in range(150):
    with transaction.atomic():
        Session.objects.filter(session_key="k").count()
        Session.objects.update_or_create(
            session_key="k", defaults={"session_data": str(i), "expire_date": timezone.now()}
        )
with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
"""


def test_two_writers_at_once_both_finish(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "sessions", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    writers = [
        subprocess.Popen(
            [*manage, "shell", "-c", WRITER], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    errors = [err.decode() for _out, err in results if "locked" in err.decode()]
    assert errors == []
    assert [writer.returncode for writer in writers] == [0, 0]
    assert [out.decode().split()[-1] for out, _err in results] == ["wal", "wal"]
