"""Synthetic strategies for measuring scale: `manage.py generate_synthetic_content --pages 10000 --locales 4`.

Builds strategies of about --per-strategy pages each (chapters with nested sub-chapters), with
StreamField bodies that choose the shipped snippets, in the first K languages; each translation
shares its source's translation key and chooses the snippets of its own language, as
wagtail-localize would. Run it after load_strategy; it adds to what is there.
"""

import datetime
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from snippets.models import Concept, Contact

from ...models import ChapterPage, HomePage, StrategyPage

WORDS = [
    "samverkan",
    "stöd",
    "utsatta",
    "personer",
    "socialtjänst",
    "polis",
    "region",
    "kommun",
    "nätverk",
    "insatser",
    "förebyggande",
    "arbete",
    "uppföljning",
    "kunskap",
    "information",
    "skydd",
    "ansvar",
    "vård",
    "ungdomar",
    "människohandel",
    "prostitution",
]


def paragraph(seed, words=60):
    text = " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(words))
    return f"<p>{text.capitalize()}.</p>"


class Command(BaseCommand):
    help = "Add synthetic strategies (chapters, bodies, snippet references, translations) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="Pages per language to add.")
        parser.add_argument("--locales", type=int, default=1, help="How many of the site's languages (sv first).")
        parser.add_argument("--per-strategy", type=int, default=100, help="Pages per synthetic strategy.")

    def handle(self, *args, pages, locales, per_strategy, **options):
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES][:locales]
        homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
        missing = [code for code in codes if code not in homes]
        if missing:
            raise CommandError(f"No home page in {', '.join(missing)}: run load_strategy first.")
        snippets = {code: self.snippets_of(code) for code in codes}
        strategies = max(1, pages // per_strategy)
        for number in range(strategies):
            with transaction.atomic():
                key = uuid.uuid4()
                for code in codes:
                    self.build_strategy(homes[code], key, number, per_strategy, snippets[code])
            self.stdout.write(f"strategy {number + 1}/{strategies}: {per_strategy} pages in {len(codes)} languages")

    @staticmethod
    def snippets_of(code):
        locale = Locale.objects.get(language_code=code)
        return {
            "contacts": list(Contact.objects.filter(locale=locale, live=True).order_by("translation_key")),
            "concepts": list(Concept.objects.filter(locale=locale, live=True).order_by("translation_key")),
        }

    def build_strategy(self, home, key, number, size, snippets):
        code = home.locale.language_code
        strategy = StrategyPage(
            title=f"Syntetisk strategi {number} ({code})",
            slug=f"syntetisk-strategi-{number}-{key.hex[:8]}",
            translation_key=key,
            locale=home.locale,
            document_date=datetime.date(2026, 1, 1),
            decision_body="Kommunfullmäktige",
            decision_date=datetime.date(2026, 1, 31),
            follow_up_owner="Socialkontoret",
            follow_up_cadence="Årligen",
            intro=paragraph(number),
            position=paragraph(number + 1),
            purpose=paragraph(number + 2),
        )
        home.add_child(instance=strategy)
        # About ten top-level chapters, the rest as their sub-chapters: a tree like the real one.
        top = max(1, min(10, size - 1))
        parents = []
        for index in range(size - 1):
            parent = strategy if index < top else parents[index % top]
            chapter = ChapterPage(
                title=f"Kapitel {number}.{index}",
                slug=f"kapitel-{index}",
                translation_key=uuid.uuid5(key, str(index)),
                locale=home.locale,
                body=self.body(index, snippets),
            )
            parent.add_child(instance=chapter)
            if index < top:
                parents.append(chapter)

    @staticmethod
    def body(index, snippets):
        contacts, concepts = snippets["contacts"], snippets["concepts"]
        chosen = [contacts[(index + i) % len(contacts)].pk for i in range(3)] if contacts else []
        body = [
            {"type": "heading", "value": {"text": f"Avsnitt {index}", "level": "2"}},
            {"type": "rich_text", "value": paragraph(index) + paragraph(index + 1)},
            {
                "type": "contacts",
                "value": {"contacts": [{"type": "item", "value": pk, "id": str(uuid.uuid4())} for pk in chosen]},
            },
        ]
        if concepts:
            body.append({"type": "concept", "value": {"concept": concepts[index % len(concepts)].pk}})
        return body
