"""Compressed answers for the API and the public site; never for a page that carries a secret.

BREACH recovers a secret (a CSRF token) from the compressed size of pages that also reflect
what an attacker sends. So the admin, and any response whose rendering read a CSRF token, are
sent uncompressed (decision 0009): they are few and small next to the public pages and the API.
Django's GZipMiddleware also pads each gzip stream with random bytes, a second line of defence.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith("/admin/") or "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
            return response
        response = super().process_response(request, response)
        # Also on answers too short to compress and on 304s: caches must key every answer the same way.
        patch_vary_headers(response, ["Accept-Encoding"])
        return response
