from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowUpConfig(AppConfig):
    name = "followup"
    verbose_name = _("Follow-up")

    def ready(self):
        # The baseline round is written whenever the strategy package is (pages cannot import us).
        from pages.content_package.signals import package_written

        from .baseline import write_baseline

        package_written.connect(write_baseline, dispatch_uid="followup-baseline")
