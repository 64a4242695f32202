import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".dev-admin-password"


class Command(BaseCommand):
    help = "Local development only: make sure a superuser 'admin' exists and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin creates a known login and only runs with DEBUG on (cms.settings.dev).")
        # A random password kept in an ignored file: nothing guessable, and the same on every run.
        if not PASSWORD_FILE.exists():
            PASSWORD_FILE.write_text(secrets.token_urlsafe(12))
            PASSWORD_FILE.chmod(0o600)
        password = PASSWORD_FILE.read_text().strip()
        user, _created = get_user_model().objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@localhost"}
        )
        if not user.check_password(password):
            user.set_password(password)
            user.save()
        self.stdout.write(self.style.SUCCESS(f"Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}"))
