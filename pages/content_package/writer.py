"""Write a validated package so that a second run changes nothing.

Each object is found again by its derived translation key. It gets a new
revision and is published only when what the package says differs from what
is live, so re-running creates no pages, snippets or revisions.
"""

import json
from collections import Counter
from functools import partial

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from pages.site_address import site_address
from snippets.models import GoalAudience, Indicator, Responsibility

from ..blocks import described_blocks
from ..models import ChapterPage, FeedbackFormField, HomePage, StrategyPage
from .keys import block_id, translation_key
from .reader import FORM_FIELD_FIELDS, KIND_OF_MODEL, SITE_PAGE_TYPES, SNIPPET_KINDS, STRATEGY_FIELDS, field_values
from .signals import package_written

# Each snippet family's ordered inline children: (relation, child model, how a data item becomes child fields).
CHILDREN = {
    "actors": (
        "responsibilities",
        Responsibility,
        lambda item: (
            [{"kind": "ongoing", "text": t} for t in item.get("ongoing") or []]
            + [{"kind": "future", "text": t} for t in item.get("future") or []]
        ),
    ),
    "indicator_categories": ("indicators", Indicator, lambda item: [{"text": t} for t in item["indicators"]]),
    "goals": ("audiences", GoalAudience, lambda item: [{"name": t} for t in item.get("audiences") or []]),
}
# Snippet foreign keys in the data: field → the package list the key refers to.
SNIPPET_LINKS = {"actors": {"parent": "actors"}, "contacts": {"actor": "actors"}}
ORDERED_KINDS = {"actors", "indicator_categories", "concepts", "goals", "resources"}


class PackageWriter:
    def __init__(self, data, log=print):
        self.data = data
        self.log = log
        self.locale = Locale.get_default()
        self.pk = {}  # (kind, key) → primary key, for references
        self.counts = Counter()

    @transaction.atomic
    def write(self):
        for kind in SNIPPET_KINDS:
            self.write_snippets(kind)
        home = self.write_home()
        strategy = self.write_strategy(home)
        self.write_chapters(strategy, self.data["strategy"].get("chapters") or [], "strategy")
        self.write_site_pages(home)
        package_written.send(sender=PackageWriter, writer=self, strategy=strategy)
        return self.counts

    # Snippets

    def write_snippets(self, kind):
        model, fields = SNIPPET_KINDS[kind]
        before = self.counts.copy()
        for position, item in enumerate(self.data.get(kind) or []):
            values = field_values(model, fields, item)
            for field, target in SNIPPET_LINKS.get(kind, {}).items():
                values[f"{field}_id"] = self.pk[(target, item[field])] if item.get(field) else None
            if kind in ORDERED_KINDS:
                values["sort_order"] = position
            children = None
            if kind in CHILDREN:
                relation, child_model, make = CHILDREN[kind]
                # Rows get keys derived like their snippet's, so shipped translations find them by context.
                rows = [
                    {**fields, "translation_key": translation_key(f"{kind}/{relation}", f"{item['key']}/{index}")}
                    for index, fields in enumerate(make(item))
                ]
                children = (relation, child_model, rows)
            obj = self.upsert(model, translation_key(kind, item["key"]), values, children)
            self.pk[(kind, item["key"])] = obj.pk
        self.report(kind, before)

    def upsert(self, model, key, values, children=None):
        obj = model.objects.filter(translation_key=key, locale=self.locale).first()
        created = obj is None
        if created:
            obj = model(translation_key=key, locale=self.locale)
        if not created and obj.live and not obj.has_unpublished_changes and not self.differs(obj, values, children):
            self.counts["unchanged"] += 1
            return obj
        for field, value in values.items():
            setattr(obj, field, value)
        if children:
            relation, child_model, items = children
            rows = [child_model(sort_order=i, locale=self.locale, **fields) for i, fields in enumerate(items)]
            setattr(obj, relation, rows)
        obj.save()
        obj.save_revision().publish()
        self.counts["created" if created else "updated"] += 1
        return obj

    @classmethod
    def differs(cls, obj, values, children):
        if any(getattr(obj, field) != value for field, value in values.items()):
            return True
        return cls.children_differ(obj, children)

    @staticmethod
    def children_differ(obj, children):
        if children:
            relation, _model, items = children
            current = [
                {name: getattr(child, name) for name in fields}
                for child, fields in zip(getattr(obj, relation).all(), items, strict=False)
            ]
            return current != items or getattr(obj, relation).count() != len(items)
        return False

    # Pages

    def write_home(self):
        root = Page.get_first_root_node()
        self.remove_wagtail_welcome_page(root)
        home = self.upsert_page(
            HomePage,
            root,
            translation_key("page", "home"),
            {"title": self.data["home"]["title"], "slug": "home", "intro": self.data["home"].get("intro") or ""},
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True, hostname="localhost", port=80
        )
        hostname, port = site_address(settings.SITE_BASE_URL) if settings.SITE_BASE_URL else (site.hostname, site.port)
        if (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
            site.root_page, site.hostname, site.port = home, hostname, port
            site.site_name = self.data["home"]["title"]
            site.save()
        return home

    def remove_wagtail_welcome_page(self, root):
        # A fresh Wagtail database has a placeholder page of the base type; it is not content.
        welcome = root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore", numchild=0
        )
        for page in welcome:
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()

    def write_strategy(self, home):
        strategy = self.data["strategy"]
        values = {field: strategy.get(field) for field in STRATEGY_FIELDS}
        values = {field: ("" if value is None else value) for field, value in values.items()}
        return self.upsert_page(StrategyPage, home, translation_key("page", strategy["slug"]), values)

    def write_chapters(self, parent, chapters, path):
        before = self.counts.copy()
        pages = []
        for chapter in chapters:
            here = f"{path}/{chapter['slug']}"
            values = {
                "title": chapter["title"],
                "slug": chapter["slug"],
                "body": self.stream(chapter.get("body") or [], here),
            }
            page = self.upsert_page(ChapterPage, parent, translation_key("page", here), values)
            pages.append(page)
            self.write_chapters(page, chapter.get("children") or [], here)
        self.keep_order(parent, pages)
        if path == "strategy":
            self.report("chapters", before)

    def write_site_pages(self, home):
        before = self.counts.copy()
        for item in self.data.get("site_pages") or []:
            model, fields = SITE_PAGE_TYPES[item["type"]]
            key = f"site/{item['key']}"
            children = None
            if "form_fields" in item:
                rows = [
                    {
                        **field_values(FeedbackFormField, FORM_FIELD_FIELDS, row),
                        "translation_key": translation_key("page/form_fields", f"{key}/{index}"),
                    }
                    for index, row in enumerate(item["form_fields"])
                ]
                children = ("form_fields", FeedbackFormField, rows)
            self.upsert_page(model, home, translation_key("page", key), field_values(model, fields, item), children)
        self.report("site pages", before)

    def upsert_page(self, model, parent, key, values, children=None):
        page = model.objects.filter(translation_key=key, locale=self.locale).first()
        created = page is None
        unchanged = not created and not self.page_differs(page, values) and not self.children_differ(page, children)
        if unchanged and page.live and not page.has_unpublished_changes:
            self.counts["unchanged"] += 1
            return page
        if created:
            page = model(translation_key=key, locale=self.locale, **values)
        else:
            for field, value in values.items():
                setattr(page, field, value)
        if children:
            relation, child_model, rows = children
            setattr(
                page, relation, [child_model(sort_order=i, locale=self.locale, **row) for i, row in enumerate(rows)]
            )
        if created:
            parent.add_child(instance=page)
        page.save_revision().publish()
        self.counts["created" if created else "updated"] += 1
        return page

    @staticmethod
    def page_differs(page, values):
        for field, value in values.items():
            current = getattr(page, field)
            if hasattr(current, "raw_data"):  # a StreamField
                if json.dumps(list(current.raw_data), sort_keys=True) != json.dumps(value, sort_keys=True):
                    return True
            elif current != value:
                return True
        return False

    @staticmethod
    def keep_order(parent, pages):
        """Children appear in the package's order, also when a chapter is added in the middle later."""
        wanted = [page.pk for page in pages]
        actual = [pk for pk in parent.get_children().values_list("pk", flat=True) if pk in set(wanted)]
        if actual == wanted:
            return
        for page in pages:
            Page.objects.get(pk=page.pk).move(Page.objects.get(pk=parent.pk), pos="last-child")

    def stream(self, blocks, path):
        """A chapter body in StreamField's stored form, each block converting its own value (its from_package)."""
        described = described_blocks()

        def pk(model, key):
            return self.pk[(KIND_OF_MODEL[model], key)]

        stream = []
        for position, block in enumerate(blocks):
            value = described[block["type"]].from_package(block.get("value"), pk, partial(block_id, path, position))
            stream.append({"type": block["type"], "value": value, "id": block_id(path, position)})
        return stream

    def report(self, label, before):
        delta = self.counts - before
        self.log(f"{label}: {delta['created']} created, {delta['updated']} updated, {delta['unchanged']} unchanged")
