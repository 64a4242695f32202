from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: site-wide templates, static files and project commands."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import admin_titles, changes, purge, signals, site_address  # noqa: F401 (site_address registers checks)
        from .caching import signals as caching

        admin_titles.install()
        changes.connect()
        caching.connect()
        purge.connect()
        signals.connect()
