from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from pages.content_package import ContentPackageError, PackageWriter, read_package
from pages.content_package.reader import DEFAULT_PATH
from pages.content_package.translations import ensure_locales, import_po, read_po, shipped_locales


class Command(BaseCommand):
    help = "Load the strategy content package: validate it all, then write and publish it in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEFAULT_PATH), help="The package's data file.")

    def handle(self, *args, **options):
        self.stdout.write(f"Reading {options['file']}")
        try:
            data = read_package(options["file"])
        except ContentPackageError as error:
            raise CommandError(f"The content package is invalid; nothing was written.\n{error}") from error
        self.stdout.write("Package is valid; writing.")
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        with transaction.atomic():
            writer = PackageWriter(data, log=self.stdout.write)
            counts = writer.write()
            locales = ensure_locales(languages)
            for code in shipped_locales():
                if code in locales and code != writer.locale.language_code:
                    import_po(data, writer.locale, locales[code], read_po(code), log=self.stdout.write)
        refresh_statistics()
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {counts['created']} created, {counts['updated']} updated, {counts['unchanged']} unchanged."
            )
        )


def refresh_statistics():
    """PostgreSQL plans each query from statistics that only ANALYZE (or autovacuum, which may be off or not
    have run yet) gathers: planned without them right after a load, the cold strategy document's snippet
    queries took 3 times as long (nested loops over the reference index)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
