"""Settings shared by every environment; everything that differs comes from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms.build import fingerprint

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "cms",
    "pages",
    "snippets",
    "followup",
    "webhooks",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "corsheaders",
    # Only for its static Swagger UI and templates: /api/v3/docs/ loads nothing from a CDN.
    "ninja",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.middleware.PublicPrivacyMiddleware",
    # Above the public page cache, so a page served from it says how long it may be kept too.
    "cms.middleware.HTMLCacheControlMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above everything that answers an API request, so that errors and preflights carry CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "cms.api.head.HeadAsGetMiddleware",
    # Outside the caches: they keep one uncompressed copy and each client gets the encoding it accepts.
    "cms.compression.CompressionMiddleware",
    "cms.middleware.RejectNulBytesMiddleware",
    # Before sessions and auth: a cached API answer needs neither, nor the database.
    "cms.api.preview.PreviewHeaderMiddleware",
    "cms.api.middleware.StrictQueryParametersMiddleware",
    "cms.api.middleware.DefaultLocaleMiddleware",
    "cms.api.middleware.APICacheMiddleware",
    "cms.page_cache.PublicPageCacheMiddleware",
    "cms.api.find.FindByPathMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.PublicSiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.admin_guards.AdminGuardMiddleware",
    "cms.admin_titles.AdminUserMiddleware",
    "cms.workflow_messages.WorkflowActionMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out login before the password is even checked, so a
# correct password does not get in during a lockout. It needs the request, which every login
# form passes; tests sign in with force_login, which does not authenticate.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # cms is the first installed app, so cms/templates overrides Wagtail's and wagtail-localize's
        # templates through APP_DIRS alone. Listing the same folder in DIRS as well would find an
        # override twice, and one that extends the template it overrides would render twice.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers never wait for a writer (WAL), and a write transaction takes its lock at BEGIN
    # (IMMEDIATE), so two editors saving at once queue instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Part of every cached answer's key (cms.build); a deploy may name its build instead.
BUILD_ID = os.environ.get("BUILD_ID") or fingerprint(BASE_DIR)

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Login throttling (django-axes, README "Signing in"). After AXES_FAILURE_LIMIT failed sign-ins
# within the cool-off, the account (wherever the attempts come from) and the client address
# (whichever accounts it tries) are each locked for AXES_COOLOFF_MINUTES. Locking by account
# means someone can keep an editor out for a cool-off by guessing, the price of stopping a
# distributed guess at one password; an administrator unlocks at once with axes_reset_username.
# AXES_LOCKOUT_PARAMETERS: comma-separated, "+" combines (e.g. "username+ip_address").
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [
    item.split("+") if "+" in item else item for item in env_list("AXES_LOCKOUT_PARAMETERS", "username,ip_address")
]
# Each failure during a lockout would otherwise restart the cool-off: a guesser could keep it locked for good.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "cms.login_throttle.locked_out"
# Behind the reverse proxy (ops/nginx), the client's address is in X-Forwarded-For, not REMOTE_ADDR;
# TRUSTED_PROXY_COUNT is the number of proxies in front of the app (0: none, REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "pages.client_address.client_address"

# Whether a qualified translator reviewed a translation: the records belong to the workflow (cms),
# and the pages' API field `translation` reads them through this callable (docs/decisions/0014).
TRANSLATION_REVIEWS = "cms.translation_review.reviews"
# The same records' dates as a subquery, so that a translation's status is read with its rows.
TRANSLATION_REVIEW_DATE = "cms.translation_review.review_recorded_at"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish is the source language of all content; other locales are translations of it.
LANGUAGE_CODE = "sv"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("fi", _("Finnish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex chapter bodies exceed Django's default of 1,000 form fields in the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Skellefteå kommun"
# Wagtail's admin API and wagtail-localize's editor are DRF views, exempt from Django's CSRF
# middleware: with sessions as their only authentication, DRF checks CSRF on every write, and no
# password is taken anywhere but the login form.
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"]}

# The public site's address; load_strategy puts it on the default Wagtail Site (pages.site_address).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Outgoing e-mail (the follow-up reminders, Wagtail's notifications) through SMTP; dev prints it instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() == "true"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# On PostgreSQL the index uses the swedish text search configuration (Snowball stemming);
# SQLite's full-text index has no Swedish stemmer and ignores the option.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "swedish"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# A change made while a page or snippet is in review needs approval again: the approver
# approves exactly what goes live.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# The public site, for people who may be watched: nothing loads from another origin, no
# inline script runs. The admin (Wagtail's own scripts and styles) is outside this policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Cross-origin reads of the JSON API for the municipal front-ends listed in CORS_ALLOWED_ORIGINS
# (comma-separated, scheme included); none by default. Reads only: writes are for the admin's origin.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/v3/"  # cms.api_paths.PREFIX; settings import no app code
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "authorization", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# The public site sends no referrer at all (PublicPrivacyMiddleware); the admin needs same-origin,
# because a browser with "no-referrer" sends "Origin: null" on form posts and CSRF rejects it.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Where "Lämna sidan snabbt" goes: an everyday site that gives nothing away (GOV.UK uses the BBC's weather).
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.smhi.se/")

# The largest page of any API listing (Wagtail's setting; the strict parameters name it in a 400).
WAGTAILAPI_LIMIT_MAX = 20
# Anonymous API answers: how long clients may keep them, and whether and how long the server keeps
# them (cms/api/middleware.py); the public HTML cache (cms/page_cache.py) keeps pages as long.
# make bench turns both server caches off to measure the cold path (cms/settings/bench.py).
API_CACHE_MAX_AGE = 60
API_SERVER_CACHE = True
API_SERVER_CACHE_SECONDS = 24 * 60 * 60
PUBLIC_PAGE_CACHE = True
# A reader who misses an answer another process is rendering waits up to this long for it rather
# than rendering it too (cms/caching/single_render.py); 0 renders every miss.
RENDER_WAIT_SECONDS = float(os.environ.get("RENDER_WAIT_SECONDS", "2"))

# A CDN or caching proxy in front of the site: publishing purges what changed (cms/purge.py).
# FRONTEND_CACHE_PURGE_URL is where PURGE requests go (Varnish, nginx, Fastly-style HTTP purge);
# without it there is nothing to purge.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

# Wagtail's own tasks run in the request, as by default. Webhook deliveries go through the
# database queue, so publishing never waits on a receiver: run `manage.py db_worker --backend webhooks`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Rendering the answers a publish renewed again into the cache (cms/caching/warm.py):
    # `manage.py db_worker --backend cache-warm`.
    "cache-warm": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# At most this many renewed answers are rendered again per warm-up run, strategy documents first.
CACHE_WARM_LIMIT = int(os.environ.get("CACHE_WARM_LIMIT", "40"))
# A publish renders the renewed answers readers have asked for, for up to this long after its commit,
# before readers are switched to them (cms/caching/warm.py); the editor's publish waits that long at most.
PUBLISH_RENDER_SECONDS = float(os.environ.get("PUBLISH_RENDER_SECONDS", "1"))
# Webhook endpoints must be public internet addresses (webhooks/addresses.py); "1" allows the
# server's own network too, for a receiver on the intranet.
WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = os.environ.get("WEBHOOKS_ALLOW_PRIVATE_ADDRESSES") == "1"
