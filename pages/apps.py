from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Strategy pages")

    def ready(self):
        from . import site_address  # noqa: F401 (registers the SITE_BASE_URL checks)
