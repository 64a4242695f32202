"""Turning content into the API's dictionaries, in a fixed number of queries however much there is."""

import re

from django.db.models import Prefetch
from wagtail.rich_text import expand_db_html

from pages.blocks.references import SNIPPET_REFERENCES, chosen_pks, referenced_pks
from snippets.models import Actor, Concept, Contact, Goal, Indicator, IndicatorCategory, Resource, Responsibility

from ..sanitize import clean_html
from .preview import latest_versions, version_of


def live_snippets(model, locale=None, ids=None):
    """Published snippets only, with the children their representation shows fetched up front."""
    return with_children(model, model.objects.filter(live=True), locale, ids)


def draft_snippets(model, locale=None, ids=None):
    """Every snippet, published or not, as its latest draft says (for an editor's preview)."""
    return latest_versions(list(with_children(model, model.objects.all(), locale, ids)))


def with_children(model, queryset, locale, ids):
    queryset = queryset.select_related("locale")
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    if model is Actor:
        queryset = queryset.prefetch_related(
            Prefetch("responsibilities", queryset=Responsibility.objects.order_by("sort_order"))
        )
    elif model is Goal:
        queryset = queryset.prefetch_related("audiences")
    elif model is IndicatorCategory:
        queryset = queryset.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("sort_order")))
    return queryset


class RichText:
    """Rich text as public HTML: internal links resolved, and made absolute for other sites to use."""

    HREF = re.compile(r'href="(/[^"]*)"')

    def __init__(self, base_url):
        self.base_url = base_url.rstrip("/")

    def __call__(self, value):
        return self.HREF.sub(lambda m: f'href="{self.base_url}{m.group(1)}"', clean_html(expand_db_html(value or "")))


def contact(obj):
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "name": obj.name,
        "organisation": obj.organisation,
        "audience": obj.audience,
        "description": obj.description,
        "phone": obj.phone,
        "phone_e164": obj.phone_dialable,
        "extension": obj.extension,
        "url": obj.url,
        "url_text": obj.url_text,
        "availability": obj.availability,
        "category": obj.category,
        "actor_id": obj.actor_id,
        "in_emergency_banner": obj.in_emergency_banner,
        "verified_on": obj.verified_on,
    }


def actor(obj, rich_text):
    responsibilities = list(obj.responsibilities.all())
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "name": obj.name,
        "full_name": obj.full_name,
        "explanation": obj.explanation,
        "parent_id": obj.parent_id,
        "role": rich_text(obj.role),
        "ongoing": [r.text for r in responsibilities if r.kind == Responsibility.Kind.ONGOING],
        "future": [r.text for r in responsibilities if r.kind == Responsibility.Kind.FUTURE],
    }


def indicator_category(obj):
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "name": obj.name,
        "indicators": [i.text for i in obj.indicators.all()],
    }


def concept(obj, rich_text):
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "term": obj.term,
        "definition": rich_text(obj.definition),
        "explanation": obj.explanation,
    }


def goal(obj, rich_text):
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "title": obj.title,
        "text": rich_text(obj.text),
        "audiences": [a.name for a in obj.audiences.all()],
    }


def resource(obj):
    return {
        "id": obj.pk,
        "version": version_of(obj),
        "locale": obj.locale.language_code,
        "title": obj.title,
        "publisher": obj.publisher,
        "kind": obj.kind,
        "url": obj.url,
    }


def snippet_serializer(model, rich_text):
    return {
        Contact: contact,
        Actor: lambda obj: actor(obj, rich_text),
        IndicatorCategory: indicator_category,
        Concept: lambda obj: concept(obj, rich_text),
        Goal: lambda obj: goal(obj, rich_text),
        Resource: resource,
    }[model]


class BodySerializer:
    """Chapter bodies from their stored form, with every chosen snippet fetched once for all chapters."""

    def __init__(self, raw_bodies, locale, rich_text, draft=False):
        self.rich_text = rich_text
        self.locale = locale
        # Live chapters choose only public snippets (cms/api/visibility.py); a preview shows drafts.
        self.load = draft_snippets if draft else live_snippets
        wanted = referenced_pks(block for body in raw_bodies for block in body)
        self.snippets = {
            model: {obj.pk: snippet_serializer(model, rich_text)(obj) for obj in self.load(model, ids=ids)}
            for model, ids in wanted.items()
        }
        self._matrix = None

    def matrix_actors(self):
        if self._matrix is None:
            actors = sorted(self.load(Actor, locale=self.locale), key=lambda a: a.sort_order)
            self._matrix = [actor(a, self.rich_text) for a in actors if a.responsibilities.all()]
        return self._matrix

    def serialize(self, body):
        blocks = []
        for block in body:
            value = self.value(block["type"], block["value"])
            if value is not None:  # a block whose snippet is not published is left out, as on the site
                blocks.append({"type": block["type"], "id": block.get("id") or "", "value": value})
        return blocks

    def value(self, block_type, value):
        if block_type == "heading":
            return {"text": value["text"], "level": int(value.get("level") or 2)}
        if block_type == "rich_text":
            return self.rich_text(value)
        if block_type == "callout":
            return {"title": value.get("title") or "", "text": self.rich_text(value.get("text"))}
        if block_type == "actor_matrix":
            return {"caption": value.get("caption") or "", "actors": self.matrix_actors()}
        key, model = SNIPPET_REFERENCES[block_type]
        found = [self.snippets.get(model, {}).get(pk) for pk in chosen_pks(value, key)]
        found = [item for item in found if item is not None]
        if block_type == "contact_table":
            return {"caption": value.get("caption") or "", "contacts": found}
        if isinstance(value.get(key), list):
            return found
        return found[0] if found else None
