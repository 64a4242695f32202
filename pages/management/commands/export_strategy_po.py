from pathlib import Path

from django.core.management.base import BaseCommand
from wagtail.models import Locale

from pages.content_package import read_package
from pages.content_package.translations import LOCALE_DIR, ensure_locales, export_po


class Command(BaseCommand):
    help = (
        "Write pages/content/locale/<locale>.po: every translatable string of the loaded content package, "
        "with the translations made so far. Translators fill in msgstr; load_strategy imports it."
    )

    def add_arguments(self, parser):
        parser.add_argument("locales", nargs="+", help="Target language codes, e.g. en fi ar.")
        parser.add_argument(
            "--output-dir", type=Path, default=LOCALE_DIR, help="Where to write <locale>.po (default: the package)."
        )

    def handle(self, *args, locales, output_dir, **options):
        data = read_package()
        source = Locale.get_default()
        for code, locale in ensure_locales(locales).items():
            po = export_po(data, source, locale)
            path = output_dir / f"{code}.po"
            po.save(str(path))
            done = len([e for e in po if e.msgstr])
            self.stdout.write(f"{path}: {len(po)} strings, {done} translated")
