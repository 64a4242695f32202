"""Read the package and check all of it before anything is written.

Every problem is collected and reported together, so whoever edits the data
file sees the whole list at once instead of fixing one error per run.
"""

from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource

from ..blocks import described_blocks
from ..models import (
    AccessibilityStatementPage,
    ChapterPage,
    FeedbackFormField,
    HomePage,
    SafetyAdvicePage,
    StrategyPage,
)
from .signals import package_checked

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "content" / "strategy.yaml"

# Which package list holds which snippet model, and the data keys that are plain model fields.
SNIPPET_KINDS = {
    "actors": (Actor, ["name", "full_name", "explanation", "role"]),
    "indicator_categories": (IndicatorCategory, ["name"]),
    "contacts": (
        Contact,
        [
            "name",
            "organisation",
            "audience",
            "description",
            "phone",
            "extension",
            "url",
            "url_text",
            "availability",
            "category",
            "in_emergency_banner",
            "banner_label",
        ],
    ),
    "concepts": (Concept, ["term", "definition", "explanation"]),
    "goals": (Goal, ["title", "text"]),
    "resources": (Resource, ["title", "publisher", "kind", "url"]),
}

# The site's own pages: type → (model, data keys that are plain model fields).
SITE_PAGE_TYPES = {
    "safety_advice": (SafetyAdvicePage, ["title", "slug", "body"]),
    "accessibility_statement": (
        AccessibilityStatementPage,
        ["title", "slug", "body", "feedback_intro", "thank_you_text"],
    ),
}
FORM_FIELD_FIELDS = ["label", "field_type", "required", "help_text"]

# The next review date is the editors' to set as they follow the strategy up; the package does not carry it.
STRATEGY_FIELDS = [
    "title",
    "slug",
    *(name for name in StrategyPage.governance_fields if name != "next_review_date"),
    "summary",
    "intro",
    "position",
    "purpose",
]

# Which package list holds a snippet model's items, e.g. Contact → "contacts".
KIND_OF_MODEL = {model: kind for kind, (model, _fields) in SNIPPET_KINDS.items()}


def block_references():
    """Block type → {value key: package list of the snippets it refers to}, from the blocks' own fields."""
    return {
        name: {key: KIND_OF_MODEL[model] for key, (model, _many) in block.chooses().items()}
        for name, block in described_blocks().items()
    }


# Fields that are derived or point at other objects; checked by the reference pass instead.
NOT_VALIDATED_HERE = [
    "locale",
    "translation_key",
    "parent",
    "actor",
    "latest_revision",
    "live_revision",
    "locked_by",
    "path",
    "depth",
    "page",
    "site",
]


class ContentPackageError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


def read_package(path=DEFAULT_PATH):
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise ContentPackageError([f"{path}: {error}"]) from error
    problems = validate(data)
    if problems:
        raise ContentPackageError(problems)
    return data


def validate(data):
    if not isinstance(data, dict):
        return ["The package must be a mapping with snippets, home and strategy."]
    problems = []
    keys = {}
    for kind, (model, fields) in SNIPPET_KINDS.items():
        keys[kind] = set()
        for index, item in enumerate(data.get(kind) or []):
            where = f"{kind}[{index}]"
            key = item.get("key") if isinstance(item, dict) else None
            if not key:
                problems.append(f"{where}: missing key")
                continue
            where = f"{kind}[{key}]"
            if key in keys[kind]:
                problems.append(f"{where}: duplicate key")
            keys[kind].add(key)
            problems += check_model(model(**field_values(model, fields, item)), where)
    problems += check_snippet_references(data, keys)
    strategy = data.get("strategy")
    if not isinstance(strategy, dict):
        return [*problems, "strategy: missing"]
    problems += check_model(StrategyPage(**{f: strategy.get(f) for f in STRATEGY_FIELDS}), "strategy")
    problems += check_chapters(strategy.get("chapters") or [], keys, "strategy")
    if not (data.get("home") or {}).get("title"):
        problems.append("home: missing title")
    problems += check_home(data.get("home") or {})
    for _receiver, found in package_checked.send(sender=None, data=data):
        problems += found
    problems += check_site_pages(data.get("site_pages") or [])
    return problems


def field_values(model, fields, item):
    """The item's values for plain model fields; a missing value is the field's empty value."""
    values = {}
    for name in fields:
        field = model._meta.get_field(name)
        value = item.get(name)
        if field.get_internal_type() == "BooleanField":
            values[name] = bool(value)
        else:
            values[name] = "" if value is None else value
    return values


def check_site_pages(pages):
    problems = []
    seen = set()
    for index, item in enumerate(pages):
        kind = item.get("type") if isinstance(item, dict) else None
        if kind not in SITE_PAGE_TYPES or not item.get("key"):
            problems.append(f"site_pages[{index}]: needs a key and a type ({', '.join(SITE_PAGE_TYPES)})")
            continue
        where = f"site_pages[{item['key']}]"
        if kind in seen:
            problems.append(f"{where}: only one page of type {kind}")
        seen.add(kind)
        model, fields = SITE_PAGE_TYPES[kind]
        problems += check_model(model(**field_values(model, fields, item)), where)
        for position, form_field in enumerate(item.get("form_fields") or []):
            problems += check_model(
                FeedbackFormField(**field_values(FeedbackFormField, FORM_FIELD_FIELDS, form_field)),
                f"{where}.form_fields[{position}]",
            )
    return problems


def check_home(home):
    return check_model(HomePage(title=home.get("title") or "", slug="home", intro=home.get("intro") or ""), "home")


def check_model(instance, where):
    try:
        instance.full_clean(exclude=NOT_VALIDATED_HERE, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        return [f"{where}.{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()]
    return []


def check_snippet_references(data, keys):
    problems = []
    for actor in data.get("actors") or []:
        parent = actor.get("parent")
        if parent and parent not in keys["actors"]:
            problems.append(f"actors[{actor.get('key')}].parent: no actor '{parent}'")
    for contact in data.get("contacts") or []:
        actor = contact.get("actor")
        if actor and actor not in keys["actors"]:
            problems.append(f"contacts[{contact.get('key')}].actor: no actor '{actor}'")
    for category in data.get("indicator_categories") or []:
        if not category.get("indicators"):
            problems.append(f"indicator_categories[{category.get('key')}]: no indicators")
    return problems


def check_chapters(chapters, keys, where):
    problems = []
    slugs = set()
    for index, chapter in enumerate(chapters):
        here = f"{where}.chapters[{index}]"
        if not chapter.get("title") or not chapter.get("slug"):
            problems.append(f"{here}: title and slug are required")
            continue
        here = f"{where}/{chapter['slug']}"
        if chapter["slug"] in slugs:
            problems.append(f"{here}: duplicate slug among siblings")
        slugs.add(chapter["slug"])
        problems += check_model(ChapterPage(title=chapter["title"], slug=chapter["slug"]), here)
        for position, block in enumerate(chapter.get("body") or []):
            problems += check_block(block, keys, f"{here}.body[{position}]")
        problems += check_chapters(chapter.get("children") or [], keys, here)
    return problems


def check_block(block, keys, where):
    block_type = block.get("type") if isinstance(block, dict) else None
    references = block_references()
    if block_type not in references:
        return [f"{where}: unknown block type {block_type!r}"]
    problems = []
    for name, kind in references[block_type].items():
        value = (block.get("value") or {}).get(name)
        wanted = value if isinstance(value, list) else [value]
        if not wanted or None in wanted:
            problems.append(f"{where}.{name}: missing")
        problems += [
            f"{where}.{name}: no {kind} '{key}'" for key in wanted if key is not None and key not in keys[kind]
        ]
    return problems
