import django.db.models
from django.db import migrations

import webhooks.addresses
import webhooks.signing


def standard_secrets(apps, schema_editor):
    # The signature scheme changed (Standard Webhooks), so every receiver must be set up again
    # anyway; a secret of the old form is replaced by one of the new (whsec_ + base64 key).
    Endpoint = apps.get_model("webhooks", "Endpoint")
    for endpoint in Endpoint.objects.exclude(secret__startswith=webhooks.signing.PREFIX):
        endpoint.secret = webhooks.signing.new_secret()
        endpoint.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [("webhooks", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="endpoint",
            name="url",
            field=django.db.models.URLField(
                help_text="A public internet address; addresses on the server's own network are refused.",
                max_length=500,
                validators=[webhooks.addresses.validate_public_url],
                verbose_name="URL",
            ),
        ),
        migrations.AlterField(
            model_name="endpoint",
            name="secret",
            field=django.db.models.CharField(
                default=webhooks.signing.new_secret,
                help_text="Standard Webhooks secret (whsec_…): the receiver verifies the webhook-signature header with it.",
                max_length=100,
                verbose_name="signing secret",
            ),
        ),
        migrations.RunPython(standard_secrets, migrations.RunPython.noop),
    ]
