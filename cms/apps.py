from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: site-wide templates, static files and project commands."""

    name = "cms"
    verbose_name = "CMS"

    def ready(self):
        from . import admin_titles, changes, contact_details_package, signals
        from .caching import signals as caching

        admin_titles.install()
        changes.connect()
        contact_details_package.connect()
        caching.connect()
        signals.connect()
