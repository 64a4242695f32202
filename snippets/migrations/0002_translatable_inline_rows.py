"""Inline rows (responsibilities, indicators, audiences) become translatable, so wagtail-localize offers their text.

Existing rows get a key of their own and their snippet's locale before the uniqueness constraint applies.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ROWS = [("responsibility", "actor"), ("indicator", "category"), ("goalaudience", "goal")]


def give_rows_keys_and_locales(apps, schema_editor):
    for model_name, parent in ROWS:
        model = apps.get_model("snippets", model_name)
        for row in model.objects.select_related(parent).iterator():
            row.translation_key = uuid.uuid4()
            row.locale_id = getattr(row, parent).locale_id
            row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[
            operation
            for model_name, _parent in ROWS
            for operation in (
                migrations.AddField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(null=True, editable=False),
                ),
                migrations.AddField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        null=True,
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            )
        ],
        migrations.RunPython(give_rows_keys_and_locales, migrations.RunPython.noop),
        *[
            operation
            for model_name, _parent in ROWS
            for operation in (
                migrations.AlterField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
            )
        ],
    ]
