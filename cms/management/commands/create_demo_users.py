import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.roles import APPROVERS, COMMUNICATORS, NETWORK_REPRESENTATIVES, TRANSLATORS
from followup.models import NetworkRepresentative
from snippets.models import Actor

DEMO_USERS = {
    "kommunikator": COMMUNICATORS,
    "granskare": APPROVERS,
    "oversattare": TRANSLATORS,
    "polisen": NETWORK_REPRESENTATIVES,
}
# The network representative reports for this (Swedish) actor.
REPRESENTED = {"polisen": "Polisen"}


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
            if username in REPRESENTED:
                actor = Actor.objects.filter(
                    name=REPRESENTED[username], locale__language_code=settings.LANGUAGE_CODE
                ).first()
                if actor is None:
                    raise CommandError("Load the strategy first: python manage.py load_strategy")
                NetworkRepresentative.objects.update_or_create(user=user, defaults={"actor": actor})
            self.stdout.write(f"{role}: user {username}  password {password}")
