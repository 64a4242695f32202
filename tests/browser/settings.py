"""The browser tests' server: the test settings, a log that shows every server error, and one URL that fails.

The URL exists to prove that the server-log check (tests/browser/conftest.py) notices a 500.
"""

from cms.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.browser.urls"

# With DEBUG off Django mails a failing request's traceback to ADMINS and prints nothing; here it is
# printed, so the run's log shows what failed.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
