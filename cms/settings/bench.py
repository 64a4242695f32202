"""`make bench`: production settings on loopback, plus the two reference points the benchmark
compares against (mounted only here): a trivial view returning the strategy document's bytes
(the ceiling), and Wagtail's API v2 page listing (what a Wagtail user would otherwise use)."""

from .production import *  # noqa: F403

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]  # noqa: F405
# Counts the queries of each request into a response header; only the benchmark has it.
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
API_SERVER_CACHE = PUBLIC_PAGE_CACHE = os.environ.get("API_SERVER_CACHE", "true").lower() == "true"  # noqa: F405
BENCH_CEILING_FILE = os.environ.get("BENCH_CEILING_FILE", "")  # noqa: F405
