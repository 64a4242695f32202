"""`make bench`: one run, every case against the same server build, reported as ratios to the ceiling.

Starts gunicorn with cms.settings.bench (production settings, PostgreSQL and Redis on the machine)
on loopback with the strategy loaded, measures each case with wrk, and writes bench/results.json.
Environment: BENCH_SECONDS (per case, default 10), BENCH_CONNECTIONS (default 50),
WEB_CONCURRENCY (gunicorn workers, default 2), BENCH_DATABASE_URL, BENCH_REDIS_URL.
"""

import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "50"))
WORKERS = os.environ.get("WEB_CONCURRENCY", "2")
# With BENCH_PAGES=N the cold cases run again at 100 and at N synthetic pages per language (4 languages).
PAGES = int(os.environ.get("BENCH_PAGES", "0"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/strategi_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
# One key for every process of the run: API tokens are checked against it.
SECRET_KEY = secrets.token_urlsafe(50)
STRATEGY = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        return response.read(), response.headers


def environment(workdir, server_cache):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.bench",
        "SECRET_KEY": SECRET_KEY,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(workdir / "static"),
        "BENCH_CEILING_FILE": str(workdir / "document.json"),
        "API_SERVER_CACHE": "true" if server_cache else "false",
        "DATABASE_CONN_MAX_AGE": "600",
    }


def prepare(workdir):
    env = environment(workdir, True)
    (workdir / "document.json").write_bytes(b"{}")
    if DATABASE_URL.startswith("postgres"):
        database = DATABASE_URL.rsplit("/", 1)[1]
        subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", database], check=True)
    manage = [sys.executable, "manage.py"]
    # Static files first: loading publishes, and a publish renders the answers readers asked for in an
    # earlier run (their notes are in Redis), which need the manifest.
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_strategy"]):
        subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


class Server:
    def __init__(self, workdir, server_cache):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", WORKERS]
        env = environment(workdir, server_cache)
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", "from django.core.cache import cache; cache.clear()"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        self.process = subprocess.Popen(command, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                get(self.base + "/robots.txt")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def wrk(url):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, latency(output, "50%"), latency(output, "99%"), int(errors.group(1)) if errors else 0


def latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)\b", output).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def measure(server, name, path):
    body, headers = get(server.base + path)  # also warms the server cache and the workers
    queries = int(headers["X-Queries"])
    # Each worker finds the site once per content version; the steady state is what most requests cost.
    warm_queries = statistics.mode(int(get(server.base + path)[1]["X-Queries"]) for _ in range(6))
    rps, p50, p99, errors = drained(server, wrk(server.base + path))
    row = {"name": name, "path": path, "requests_per_s": rps, "p50_ms": p50, "p99_ms": p99}
    row.update({"queries_per_request": warm_queries, "queries_first_request": queries, "errors": errors})
    row["bytes"] = len(body)
    return row


def generate(workdir, pages):
    command = [sys.executable, "manage.py", "generate_synthetic_content", "--pages", str(pages), "--locales", "4"]
    subprocess.run(command, env=environment(workdir, True), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def scale_rows(workdir, cases):
    """The cold cases with 100 synthetic pages per language, then with PAGES: the ratio shows the growth."""
    rows = []
    added = 0
    for size in (100, PAGES):
        print(f"Adding synthetic pages: {size} per language in 4 languages …", flush=True)
        generate(workdir, size - added)
        added = size
        server = Server(workdir, server_cache=False)
        try:
            for name, path in cases:
                row = measure(server, f"{name}, {size} synthetic pages", path)
                row["synthetic_pages_per_locale"] = size
                rows.append(row)
        finally:
            server.stop()
    small, large = rows[: len(cases)], rows[len(cases) :]
    for before, after in zip(small, large, strict=True):
        after["p50_ratio_to_100_pages"] = round(after["p50_ms"] / before["p50_ms"], 2)
    return rows


def drained(server, result):
    """`result`, once the server has worked off the requests wrk left queued when it stopped.

    wrk closes its 50 connections at the deadline, but the workers still answer every request
    already sent; a case measured straight after another would pay for them (about 2 s of the v2
    reference). A request sent now is accepted only after all of those.
    """
    get(server.base + "/robots.txt")
    return result


def alternating(server, path, reference, rounds=5):
    """A cold answer against the v2 reference, measured in turns on the same server.

    Both drift with the machine over a run; pairs measured back to back, and their median,
    are steadier than two figures taken minutes apart.
    """
    pairs = []
    for _ in range(rounds):
        ours = drained(server, wrk(server.base + path)[0])
        theirs = drained(server, wrk(server.base + reference)[0])
        pairs.append({"rps": ours, "reference_rps": theirs, "ratio": round(ours / theirs, 2)})
    return {"pairs": pairs, "median_ratio": statistics.median(pair["ratio"] for pair in pairs)}


def main():
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    print(f"Preparing PostgreSQL database and static files in {workdir} …", flush=True)
    prepare(workdir)
    rows = []
    warm = Server(workdir, server_cache=True)
    try:
        strategies = json.loads(get(warm.base + "/api/v3/strategies/?locale=sv")[0])["items"]
        document = f"/api/v3/strategies/{strategies[0]['id']}/"
        pages = json.loads(get(warm.base + "/api/v3/pages/?slug=bilaga-2-kontaktuppgifter&locale=sv")[0])["items"]
        detail = f"/api/v3/pages/{pages[0]['id']}/"
        (workdir / "document.json").write_bytes(get(warm.base + document)[0])
    finally:
        warm.stop()
    # Restarted so that the ceiling view reads the document's bytes.
    warm = Server(workdir, server_cache=True)
    cases_warm = [
        ("ceiling: trivial view, same bytes as the document", "/bench/ceiling/"),
        ("API strategy document, warm", document),
        ("API page detail, warm", detail),
        ("API contacts list, warm", "/api/v3/contacts/?locale=sv"),
        ("HTML strategy page, warm", STRATEGY),
        ("HTML chapter (Bilaga 2), warm", STRATEGY + "bilaga-2-kontaktuppgifter/"),
        ("Wagtail API v2 page listing ?fields=* (reference)", "/bench/api/v2/pages/?fields=*&limit=20"),
        # Again at the end: the first run meets freshly started workers; the better of the two is the ceiling.
        ("ceiling, measured again", "/bench/ceiling/"),
    ]
    try:
        rows += [measure(warm, name, path) for name, path in cases_warm]
    finally:
        warm.stop()
    cold = Server(workdir, server_cache=False)
    cases_cold = [
        ("API strategy document, cold", document),
        ("API page detail, cold", detail),
        ("API contacts list, cold", "/api/v3/contacts/?locale=sv"),
        ("HTML chapter (Bilaga 2), cold", STRATEGY + "bilaga-2-kontaktuppgifter/"),
    ]
    try:
        rows += [measure(cold, name, path) for name, path in cases_cold]
        against_v2 = alternating(cold, detail, "/bench/api/v2/pages/?fields=*&limit=20")
        document_against_v2 = alternating(cold, document, "/bench/api/v2/pages/?fields=*&limit=20", rounds=3)
    finally:
        cold.stop()

    print("Readers with and without publishing …", flush=True)
    sys.path.insert(0, str(ROOT))
    from bench import publishing

    publishing_case = publishing.measure(workdir, sys.modules[__name__])

    if PAGES:
        rows += scale_rows(workdir, [*cases_cold, ("API page listing, cold", "/api/v3/pages/?locale=sv")])

    ceiling = max(row["requests_per_s"] for row in rows if row["path"] == "/bench/ceiling/")
    for row in rows:
        row["ratio_to_ceiling"] = round(row["requests_per_s"] / ceiling, 3)
    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds_per_case": SECONDS,
        "connections": CONNECTIONS,
        "workers": int(WORKERS),
        "cpus": os.cpu_count(),
        "rows": rows,
        "cold_detail_vs_v2_reference": against_v2,
        "cold_document_vs_v2_reference": document_against_v2,
        "publishing": publishing_case,
    }
    (ROOT / "bench" / "results.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"\n{'case':<55} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'x ceiling':>10}")
    for row in rows:
        print(
            f"{row['name']:<55} {row['requests_per_s']:>9.0f} {row['p50_ms']:>8} {row['p99_ms']:>8}"
            f" {row['queries_per_request']:>8} {row['ratio_to_ceiling']:>10}"
        )
    for row in rows:
        if "p50_ratio_to_100_pages" in row:
            print(f"{row['name']}: p50 is {row['p50_ratio_to_100_pages']}x the 100-page case, {row['bytes']} bytes")
    pairs = ", ".join(f"{pair['ratio']}x" for pair in against_v2["pairs"])
    print(f"\nCold API page detail / Wagtail API v2 reference: median {against_v2['median_ratio']}x ({pairs})")
    pairs = ", ".join(f"{pair['ratio']}x" for pair in document_against_v2["pairs"])
    print(f"Cold strategy document / Wagtail API v2 reference: median {document_against_v2['median_ratio']}x ({pairs})")
    quiet, busy = publishing_case["without_publishing"], publishing_case["with_publishing"]
    print(
        f"\nReaders (make load's mix), without publishing / with a publish every {publishing.PUBLISH_EVERY:g} s"
        " (the median pair):"
    )
    for name, case in (("without publishing", quiet), ("with publishing", busy)):
        print(
            f"  {name:<20} {case['requests_per_s']:>7.0f} req/s  p50 {case['p50_ms']} ms  p99 {case['p99_ms']} ms"
            f"  cache hits {case['cache_hit_ratio']:.1%}"
        )
    pairs = ", ".join(f"{pair['p99_ratio']}x" for pair in publishing_case["pairs"])
    print(
        f"  p99 ratio: median pair {publishing_case['p99_ratio']}x ({pairs}); cache hits with publishing, all runs:"
        f" {publishing_case['cache_hit_ratio']:.1%}; {publishing_case['publishes']} publishes"
    )
    print("\nWritten to bench/results.json")


if __name__ == "__main__":
    main()
