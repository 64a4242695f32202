"""`make load`: 50 readers and 2 editors for 60 s against the production profile, with one gunicorn
worker killed (SIGKILL) and replaced mid-run; every request must succeed. Figures go to
bench/load-results-<database>.json.

The profile is the production one: nginx with the committed proxy policy (ops/nginx/proxy.conf)
in front of two app instances sharing one database and one Redis.
LOAD_DATABASE=sqlite runs the same against SQLite (WAL, IMMEDIATE) instead of PostgreSQL.
"""

import csv
import json
import os
import re
import shutil
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


def serving(pid, port):
    """Whether the worker holds an open connection to a client on the instance's port: a request in flight."""
    try:
        sockets = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
    except OSError:
        return False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port, state, inode = int(fields[1].rsplit(":", 1)[1], 16), fields[3], fields[9]
            if local_port == port and state == "01" and f"socket:[{inode}]" in sockets:
                return True
    return False


def kill_workers(instance, start, until, every, log):
    """From `start` to `until` seconds, every `every` seconds, kill a worker while it serves a request.

    A kill that lands on an idle worker proves nothing, so the victim is one with a client connected.
    """
    time.sleep(start)
    master = instance.process.pid
    while time.monotonic() < until:
        workers = workers_of(master)
        deadline = time.monotonic() + 2
        victim = None
        while victim is None and time.monotonic() < deadline:
            victim = next((pid for pid in workers if serving(pid, instance.port)), None)
            if victim is None:
                time.sleep(0.005)  # polling must not take a core from the server it measures
        victim = victim or workers[0]
        # No warning and no chance to finish its request: as the OOM killer or a crash would.
        os.kill(victim, signal.SIGKILL)
        log["killed"] += 1
        for _ in range(100):
            time.sleep(0.1)
            now = workers_of(master)
            if len(now) == len(workers) and victim not in now:
                log["replaced"] += 1
                break
        time.sleep(every)


class Proxy:
    """nginx on loopback in front of the instances, with the production proxy policy."""

    def __init__(self, workdir, instances):
        self.port = run.free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        servers = "".join(f"server 127.0.0.1:{instance.port} max_fails=3 fail_timeout=5s; " for instance in instances)
        temp = " ".join(
            f"{kind}_temp_path {workdir}/nginx-{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        config = workdir / "nginx.conf"
        config.write_text(
            f"daemon off; worker_processes 1; pid {workdir}/nginx.pid; error_log {workdir}/nginx-error.log warn;\n"
            f"events {{ worker_connections 1024; }}\n"
            f"http {{ access_log off; {temp}\n"
            f"  upstream app {{ {servers}}}\n"
            f"  server {{ listen 127.0.0.1:{self.port}; location / {{ proxy_pass http://app; "
            f"include {run.ROOT / 'ops' / 'nginx' / 'proxy.conf'}; }} }}\n}}\n"
        )
        self.process = subprocess.Popen(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(config), "-p", str(workdir)],
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                run.get(self.base + "/robots.txt")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"nginx did not start; see {workdir}/nginx-error.log")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


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
    instances = [run.Server(workdir, server_cache=True) for _ in range(2)]
    proxy = Proxy(workdir, instances)
    try:
        ids = []
        for slug in ("norrland", "regionalt-arbete", "lokalt-arbete"):
            url = f"{proxy.base}/api/v3/pages/?locale=sv&slug={slug}"
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
                ids += [str(item["id"]) for item in json.loads(response.read())["items"]]
        faults = {"killed": 0, "replaced": 0}
        until = time.monotonic() + 2 * SECONDS // 3
        fault = threading.Thread(target=kill_workers, args=(instances[0], SECONDS // 3, until, 4, faults))
        fault.start()
        prefix = workdir / "locust"
        command = [
            sys.executable, "-m", "locust", "-f", str(run.ROOT / "bench" / "locustfile.py"), "--headless",
            "-u", "52", "-r", "52", "-t", f"{SECONDS}s", "--host", proxy.base, "--csv", str(prefix), "--only-summary",
        ]  # fmt: skip
        load_env = {**os.environ, "LOAD_EDITED_PAGE_IDS": ",".join(ids), "LOAD_EDITOR_TOKEN": token}
        subprocess.run(command, env=load_env, cwd=run.ROOT, check=False, stdout=subprocess.DEVNULL)
        fault.join()
    finally:
        proxy.stop()
        for instance in instances:
            instance.stop()
    # Each request a dying worker dropped shows in nginx's log; the proxy sent it to the other instance.
    log = (workdir / "nginx-error.log").read_text()
    dropped = [line for line in log.splitlines() if "upstream prematurely closed" in line]
    faults["retried_by_proxy"] = len(dropped)
    faults["retried_requests"] = sorted(re.search(r'request: "(\S+ \S+)', line).group(1) for line in dropped)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = {
        "database": database,
        "seconds": SECONDS,
        "users": {"readers": 50, "editors": 2},
        "instances": len(instances),
        "workers_per_instance": int(run.WORKERS),
        "proxy": "nginx with ops/nginx/proxy.conf",
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
    print(
        f"{faults['killed']} workers killed (SIGKILL), {faults['replaced']} replaced; "
        f"{faults['retried_by_proxy']} requests in flight retried by the proxy on the other instance"
    )
    failed = sum(row["failures"] for row in result["rows"])
    if failed:
        sys.exit(f"{failed} failed requests")
    if not faults["killed"] or faults["replaced"] != faults["killed"]:
        sys.exit("a killed worker was not replaced")


if __name__ == "__main__":
    main()
