"""Run in a fresh process on a copy of the loaded database: load a package using the throwaway block,
then report what the OpenAPI document, the strategy document and a second load say (as JSON)."""

import copy
import json
import sys

import django
from django.conf import settings

settings.INSTALLED_APPS = ["tests.pages.throwaway_block", *settings.INSTALLED_APPS]
settings.ALLOWED_HOSTS = ["*"]
django.setup()

from django.test import Client  # noqa: E402

from pages.content_package.reader import read_package, validate  # noqa: E402
from pages.content_package.writer import PackageWriter  # noqa: E402
from pages.models import StrategyPage  # noqa: E402

contact_key, note = sys.argv[1], sys.argv[2]
data = read_package()
chapter = data["strategy"]["chapters"][0]
chapter["body"] = [
    *chapter.get("body", []),
    {"type": "throwaway_note", "value": {"note": note, "contact": contact_key}},
]
broken = copy.deepcopy(data)
broken["strategy"]["chapters"][0]["body"][-1]["value"]["contact"] = "no-such-contact"

quiet = lambda *args: None  # noqa: E731
PackageWriter(data, log=quiet).write()
again = PackageWriter(data, log=quiet).write()

client = Client()
strategy = StrategyPage.objects.get(locale__language_code="sv")
document = client.get(f"/api/v3/strategies/{strategy.pk}/").json()
openapi = client.get("/api/v3/openapi.json").json()
print(
    json.dumps(
        {
            "problems": validate(data),
            "broken_problems": validate(broken),
            "second_load": dict(again),
            "first_chapter_body": document["chapters"][0]["body"],
            "schemas": openapi["components"]["schemas"],
        },
        default=str,
    )
)
