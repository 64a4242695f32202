"""`make load`: 50 readers and 2 editors for 60 s against the production profile, with one gunicorn
worker stopped and replaced mid-run; every request must succeed. Figures go to bench/load-results.json.

LOAD_DATABASE=sqlite runs the same against SQLite (WAL, IMMEDIATE) instead of PostgreSQL.
"""

import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))


def workers_of(master_pid):
    output = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True).stdout
    return [int(pid) for pid in output.split()]


def stop_one_worker(master_pid, after, log):
    time.sleep(after)
    victims = workers_of(master_pid)
    os.kill(victims[0], signal.SIGTERM)
    log.append(f"worker {victims[0]} stopped after {after} s")
    for _ in range(100):
        time.sleep(0.2)
        now = workers_of(master_pid)
        if len(now) == len(victims) and victims[0] not in now:
            log.append(f"replaced by {sorted(set(now) - set(victims))}")
            return


def main():
    database = os.environ.get("LOAD_DATABASE", "postgresql")
    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    if database == "sqlite":
        run.DATABASE_URL = f"sqlite:///{workdir}/load.sqlite3"
    print(f"Preparing {database} …", flush=True)
    run.prepare(workdir)
    env = run.environment(workdir, True)
    editor_script = (
        "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
        "u = get_user_model().objects.create_superuser('load-editor', 'load@example.invalid', None); "
        "print(APIToken.create_token(user=u, name='load')[1])"
    )
    shell = [sys.executable, "manage.py", "shell", "-c", editor_script]
    token = subprocess.run(shell, env=env, cwd=run.ROOT, check=True, capture_output=True, text=True).stdout.split()[-1]
    server = run.Server(workdir, server_cache=True)
    try:
        ids = []
        for slug in ("norrland", "regionalt-arbete", "lokalt-arbete"):
            url = f"{server.base}/api/v3/pages/?locale=sv&slug={slug}"
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
                ids += [str(item["id"]) for item in json.loads(response.read())["items"]]
        faults = []
        fault = threading.Thread(target=stop_one_worker, args=(server.process.pid, SECONDS // 3, faults))
        fault.start()
        prefix = workdir / "locust"
        command = [
            sys.executable, "-m", "locust", "-f", str(run.ROOT / "bench" / "locustfile.py"), "--headless",
            "-u", "52", "-r", "52", "-t", f"{SECONDS}s", "--host", server.base, "--csv", str(prefix), "--only-summary",
        ]  # fmt: skip
        load_env = {**os.environ, "LOAD_EDITED_PAGE_IDS": ",".join(ids), "LOAD_EDITOR_TOKEN": token}
        subprocess.run(command, env=load_env, cwd=run.ROOT, check=False, stdout=subprocess.DEVNULL)
        fault.join()
    finally:
        server.stop()
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = {
        "database": database,
        "seconds": SECONDS,
        "users": {"readers": 50, "editors": 2},
        "workers": int(run.WORKERS),
        "fault": faults,
        "rows": [
            {
                "name": row["Name"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "requests_per_s": round(float(row["Requests/s"]), 1),
                "p50_ms": float(row["50%"]),
                "p99_ms": float(row["99%"]),
            }
            for row in rows
        ],
    }
    out = run.ROOT / "bench" / f"load-results-{database}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    for row in result["rows"]:
        figures = f"p50 {row['p50_ms']} ms  p99 {row['p99_ms']} ms"
        print(f"{row['name']:<20} {row['requests']:>7} requests {row['failures']:>4} failed  {figures}")
    print(*faults, sep="\n")
    failed = sum(row["failures"] for row in result["rows"])
    if failed or len(faults) < 2:
        sys.exit(f"{failed} failed requests" if failed else "the worker was not replaced")


if __name__ == "__main__":
    main()
