"""The settings every test run uses, locally and in CI; only DATABASE_URL differs."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come straight from the apps' folders; tests never run collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests measure rendering (query counts) and change content without publish signals; the public
# page cache has its own tests (tests/cms/test_page_cache.py) and runs in the two-instance test.
PUBLIC_PAGE_CACHE = False
# Publishing queues no warm-up (cms/caching/warm.py) but in the tests of the warm-up.
CACHE_WARM = False
