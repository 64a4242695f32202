from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cms", "0010_network_representatives")]

    operations = [
        migrations.CreateModel(
            name="ContentChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=30)),
                ("object_id", models.PositiveIntegerField()),
                ("locale", models.CharField(max_length=20)),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("created", "Created"),
                            ("updated", "Updated"),
                            ("unpublished", "Unpublished"),
                            ("deleted", "Deleted"),
                            ("restricted", "Restricted"),
                        ],
                        max_length=20,
                    ),
                ),
                ("occurred_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"ordering": ["pk"]},
        ),
    ]
