"""The "publishing" case of `make bench`: readers (the mix of `make load`) with and without an
editor who publishes a chapter through the API every PUBLISH_EVERY seconds.

Readers come to the site's public address (the Host of the default Site, as behind the proxy),
where the background warm-up renders what a publish renewed; the warm-up runs in a
`db_worker --backend cache-warm` beside the server. Each reader request counts as a hit when the
server cache answered it (its X-Cache header). Reported: readers' requests/s, p50 and p99, cache
hit ratio, and the p99 with publishing as a ratio to the p99 without.

The readers are measured in PAIRS back-to-back pairs, without and then with publishing, and the ratio
is the median pair's: the p99 of one 10-second run without publishing moved between 32 and 50 ms
from run to run on an idle machine, so the ratio of a single pair moved with it (1.11x to 1.78x in
eight runs of 2026-12-05), although the p99 with publishing stayed between 48 and 59 ms.
"""

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from urllib.parse import urlsplit

PUBLISH_EVERY = 2.0
PAIRS = int(os.environ.get("BENCH_PUBLISHING_PAIRS", "3"))
CHAPTERS = ("aktorer", "bilaga-2-kontaktuppgifter", "indikationer-pa-utsatthet")
EDITED = ("norrland", "regionalt-arbete", "lokalt-arbete")

# Reader mix as bench/locustfile.py: HTML pages 3, API page detail 2, contacts list 1.
LUA = """
local paths = {%(paths)s}
local threads = {}
hits = 0
responses = 0
function setup(thread) table.insert(threads, thread) end
function init(args) math.randomseed(os.time() + math.floor(os.clock() * 1000000)) end
wrk.headers["Host"] = "%(host)s"
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function response(status, headers, body)
  responses = responses + 1
  if headers["X-Cache"] == "hit" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local h, r = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); r = r + thread:get("responses") end
  io.write(string.format("CACHE %%d %%d\\n", h, r))
end
"""


def api(base, path, token=None, method="GET", body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
        return json.loads(response.read() or b"null")


def page_id(base, slug):
    return api(base, f"/api/v3/pages/?locale=sv&slug={slug}")["items"][0]["id"]


def editor_token(workdir, run):
    script = (
        "from django.contrib.auth import get_user_model; from wagtail.models import APIToken; "
        "u, _ = get_user_model().objects.get_or_create(username='bench-editor', is_superuser=True, is_staff=True); "
        "print(APIToken.create_token(user=u, name='bench')[1])"
    )
    shell = [sys.executable, "manage.py", "shell", "-c", script]
    env = run.environment(workdir, True)
    return subprocess.run(shell, env=env, cwd=run.ROOT, check=True, capture_output=True, text=True).stdout.split()[-1]


def readers(server, host, detail_ids, workdir, run):
    pages = [run.STRATEGY, *(f"{run.STRATEGY}{slug}/" for slug in CHAPTERS)]
    # 12 : 8 : 4, as the locustfile's task weights 3 : 2 : 1.
    paths = pages * 3 + [f"/api/v3/pages/{detail_ids[i % len(detail_ids)]}/" for i in range(8)]
    paths += ["/api/v3/contacts/?locale=sv"] * 4
    script = workdir / "readers.lua"
    script.write_text(LUA % {"paths": ", ".join(json.dumps(path) for path in paths), "host": host})
    output = subprocess.run(
        ["wrk", "-t2", f"-c{run.CONNECTIONS}", f"-d{run.SECONDS}s", "--latency", "-s", str(script), server.base],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    hits, responses = (int(n) for n in re.search(r"CACHE (\d+) (\d+)", output).groups())
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return {
        "requests_per_s": rps,
        "p50_ms": run.latency(output, "50%"),
        "p99_ms": run.latency(output, "99%"),
        "cache_hit_ratio": round(hits / responses, 4) if responses else 0,
        "requests": responses,
        "hits": hits,
    }


def editor(base, token, ids, stop, log):
    number = 0
    while not stop.is_set():
        started = time.monotonic()
        pk = ids[number % len(ids)]
        try:
            api(base, f"/api/v3/pages/{pk}/", token, "PATCH", {"title": f"Redigerad {number}"})
            api(base, f"/api/v3/pages/{pk}/actions/publish/", token, "POST", {})
            log.append(round((time.monotonic() - started) * 1000, 1))
        except OSError as error:
            log.append(f"failed: {error}")
        number += 1
        stop.wait(max(0.0, PUBLISH_EVERY - (time.monotonic() - started)))


def measure(workdir, run):
    """`run` is bench/run.py, which calls this: its server, environment and wrk settings."""
    server = run.Server(workdir, server_cache=True)
    env = run.environment(workdir, True)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "cache-warm", "--interval", "0.1", "--no-reload"],
        env=env,
        cwd=run.ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        token = editor_token(workdir, run)
        chapter = api(server.base, f"/api/v3/pages/?locale=sv&slug={CHAPTERS[0]}")["items"][0]
        host = urlsplit(chapter["meta"]["html_url"]).netloc
        chapter_ids = [page_id(server.base, slug) for slug in CHAPTERS]
        edited_ids = [page_id(server.base, slug) for slug in EDITED]
        # A first run warms every reader path, as the site's readers keep it warm.
        run.drained(server, readers(server, host, edited_ids, workdir, run))
        log = []
        pairs = []
        for _ in range(PAIRS):
            quiet = run.drained(server, readers(server, host, edited_ids, workdir, run))
            # The chapters readers read are the ones published: each publish renews what they read.
            stop = threading.Event()
            thread = threading.Thread(target=editor, args=(server.base, token, chapter_ids + edited_ids, stop, log))
            thread.start()
            busy = readers(server, host, edited_ids, workdir, run)
            stop.set()
            thread.join()
            run.drained(server, busy)
            # The last publish's background warm-up, out of the next run without publishing.
            time.sleep(PUBLISH_EVERY)
            ratio = round(busy["p99_ms"] / quiet["p99_ms"], 2)
            pairs.append({"without_publishing": quiet, "with_publishing": busy, "p99_ratio": ratio})
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        server.stop()
    publishes = [ms for ms in log if isinstance(ms, float)]
    median = sorted(pairs, key=lambda pair: pair["p99_ratio"])[len(pairs) // 2]
    busy_runs = [pair["with_publishing"] for pair in pairs]
    return {
        "publish_every_s": PUBLISH_EVERY,
        "without_publishing": median["without_publishing"],
        "with_publishing": median["with_publishing"],
        "pairs": pairs,
        "publishes": len(publishes),
        "publish_failures": [entry for entry in log if not isinstance(entry, float)],
        "publish_ms_median": sorted(publishes)[len(publishes) // 2] if publishes else None,
        "p99_ratio": median["p99_ratio"],
        "p50_ratio": round(median["with_publishing"]["p50_ms"] / median["without_publishing"]["p50_ms"], 2),
        # Over every run with publishing.
        "cache_hit_ratio": round(sum(r["hits"] for r in busy_runs) / sum(r["requests"] for r in busy_runs), 4),
    }
