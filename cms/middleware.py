from django.middleware.locale import LocaleMiddleware


class PublicSiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unmatched paths outside the public site.

    Django answers a 404 by redirecting to the language-prefixed path when that path
    resolves, and Wagtail's catch-all page route resolves everything: /api/v3/contacts/999/
    would redirect to /sv/api/… instead of answering 404.
    """

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
