import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS

DEMO_USERS = {"kommunikator": COMMUNICATORS, "granskare": APPROVERS, "oversattare": TRANSLATORS}


class Command(BaseCommand):
    help = "Local development only: one user per editorial role, with new random passwords printed once."

    def handle(self, *args, **options):
        if not settings.DEBUG or os.environ.get("DJANGO_SETTINGS_MODULE", "").endswith(".production"):
            raise CommandError("Demo users are for local development only; refusing with production settings.")
        for username, role in DEMO_USERS.items():
            user, _created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
            password = secrets.token_urlsafe(10)
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            self.stdout.write(f"{role}: user {username}  password {password}")
