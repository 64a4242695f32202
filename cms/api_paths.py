"""Where the API answers: its prefix and the collection each public snippet model is published as.

The CDN purge, the change feed and the webhooks name the same addresses the routers serve, so
these live here, apart from any router.
"""

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

PREFIX = "/api/v3/"

# model → the path of its collection under PREFIX, e.g. Contact → "contacts".
COLLECTIONS = {
    Contact: "contacts",
    Actor: "actors",
    IndicatorCategory: "indicators",
    Concept: "concepts",
    Goal: "goals",
    Resource: "resources",
}
