"""What the server caches (cms/api/middleware.py, cms/page_cache.py) and the CDN (cms/purge.py) share:
which public URLs show a changed object (reach), the versions answers are keyed by (versions),
how an API query is normalised into a key (query), the warm-up after a change (warm), and one
render of a renewed answer however many processes miss it at once (single_render).

Neither the API nor the page cache imports the other for any of this; both import from here.
"""
