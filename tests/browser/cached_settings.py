"""The browser tests' server with production's caches: Redis shared by every process (REDIS_URL), the
public page cache, and the renders of what readers read after a publish (cms/caching/)."""

import os

from .settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}}
PUBLIC_PAGE_CACHE = True
CACHE_WARM = True
