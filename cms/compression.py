"""Compressed answers for the API and the public site; never for a page that carries a secret.

The coding is the best one the client accepts: Zstandard, then Brotli, then gzip
(django-http-compression, on the `brotli` and `backports.zstd` bindings).

BREACH recovers a secret (a CSRF token) from the compressed size of pages that also reflect
what an attacker sends. So the admin, and any response whose rendering read a CSRF token, are
sent uncompressed (decision 0009): they are few and small next to the public pages and the API.
The middleware also adds a header of random length to each compressed answer, a second line of
defence.
"""

from django.utils.cache import patch_vary_headers
from django_http_compression.middleware import HttpCompressionMiddleware


class CompressionMiddleware(HttpCompressionMiddleware):
    def maybe_compress(self, request, response):
        if request.path_info.startswith("/admin/") or "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
            return
        # Also on answers too short to compress and on 304s: caches must key every answer the same way.
        # Set first, so that the header keeps the spelling of the project's other Vary values.
        patch_vary_headers(response, ["Accept-Encoding"])
        super().maybe_compress(request, response)
