from pages.translation_status import translation_status


class TranslationStatusMixin:
    """Lets API consumers see when a translation lags behind the Swedish source."""

    @property
    def translation(self):
        return translation_status(self)
