"""The change feed names every snippet that public pages show today.

Until now a snippet was announced only when it was itself published while a public page already
showed it, so the snippets of the content load (published before the chapters that choose them)
were never in the feed. cms/changes.py now announces a snippet when pages bring it into view; without
this baseline the first publish after the deploy would announce them all at once, with a webhook
each, in that editor's request. Recorded here as `created`, without webhooks, as the feed would have
said. A snippet the feed named whose place has changed since (shown no more, or shown again after
a tombstone) is left to that first publish, whose webhook tells receivers; there are few.

The rule is frozen as it is today (cms/api/visibility.py: live, and chosen by a live page without a view
restriction, or in the emergency banner, or an actor with activities, or an actor or concept with an
explanation).
"""

from django.db import migrations
from django.db.models import CharField, Exists, F, OuterRef, Q
from django.db.models.functions import Cast
from django.db.models.lookups import StartsWith

COLLECTIONS = {
    "contact": "contacts",
    "actor": "actors",
    "indicatorcategory": "indicators",
    "concept": "concepts",
    "goal": "goals",
    "resource": "resources",
}


def record(apps, schema_editor):
    ContentChange = apps.get_model("cms", "ContentChange")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if page_type is None:
        return
    restricted = Exists(PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path"))))
    public_pages = Page.objects.filter(live=True).exclude(restricted).annotate(text_pk=Cast("pk", CharField()))
    named = set(ContentChange.objects.filter(kind__in=COLLECTIONS.values()).values_list("kind", "object_id"))
    for name, kind in COLLECTIONS.items():
        model = apps.get_model("snippets", name)
        model_type = ContentType.objects.filter(app_label="snippets", model=name).first()
        if model_type is None:  # a new database: content types are made after the migrations
            continue
        chosen = ReferenceIndex.objects.filter(
            base_content_type=page_type, to_content_type=model_type, object_id__in=public_pages.values("text_pk")
        ).values("to_object_id")
        shown = Q(text_pk__in=chosen)
        if name == "contact":
            shown |= Q(in_emergency_banner=True)
        if name == "actor":
            Responsibility = apps.get_model("snippets", "Responsibility")
            shown |= Exists(Responsibility.objects.filter(actor=OuterRef("pk")))
        if name in ("actor", "concept"):
            shown |= ~Q(explanation="")
        snippets = model.objects.filter(live=True).annotate(text_pk=Cast("pk", CharField())).filter(shown)
        ContentChange.objects.bulk_create(
            ContentChange(kind=kind, object_id=snippet.pk, locale=snippet.locale.language_code, action="created")
            for snippet in snippets.select_related("locale").order_by("pk")
            if (kind, snippet.pk) not in named
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0012_approvers_start_translations"),
        ("snippets", "0006_name_explanations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(record, migrations.RunPython.noop)]
