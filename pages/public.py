"""Which pages a view restriction hides, as a condition the database evaluates with the query it narrows.

Wagtail's `.public()` first reads every view restriction into a condition of its own, one query each
time it is called (six times for one chapter page). Here the database checks the restrictions inside
the query that lists the pages, so a restriction added a moment ago counts at once and nothing is
kept between requests.
"""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def at_or_below(ancestors, path="path"):
    """True for a page at or below one of `ancestors` (a queryset whose `path` names their tree path)."""
    # A page's path begins with each of its ancestors' paths (Wagtail's materialised path).
    return Exists(ancestors.filter(StartsWith(OuterRef("path"), F(path))))


def restricted():
    """True for a page at or below a page with a view restriction (what Wagtail's `private_q` matches)."""
    return at_or_below(PageViewRestriction.objects.all(), "page__path")


def public(pages):
    """The pages no view restriction hides, as Wagtail's `.public()` but without a query of its own."""
    return pages.filter(~restricted())
