from django.http import Http404


class LocaleNotFound(Http404):
    def __init__(self, code, available):
        self.available = sorted(available)
        super().__init__(f"No content in locale '{code}'. Available locales: {', '.join(self.available)}.")


class TranslationNotFound(Http404):
    def __init__(self, what, code, available):
        self.available = sorted(available)
        super().__init__(
            f"This {what} has no live translation in '{code}'. Available locales: {', '.join(self.available)}."
        )
