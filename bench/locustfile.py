"""Readers and editors at once: `bench/load.py` runs this against the production profile."""

import itertools
import os
import random

from locust import HttpUser, between, task

STRATEGY = "/sv/strategi-mot-prostitution-manniskohandel-och-kop-av-sexuella-tjanster/"
CHAPTERS = [f"{STRATEGY}{slug}/" for slug in ("aktorer", "bilaga-2-kontaktuppgifter", "indikationer-pa-utsatthet")]
EDITED = [int(pk) for pk in os.environ["LOAD_EDITED_PAGE_IDS"].split(",")]
TOKEN = os.environ["LOAD_EDITOR_TOKEN"]
counter = itertools.count()


class Reader(HttpUser):
    weight = 50
    wait_time = between(0.1, 0.5)

    @task(3)
    def page(self):
        self.client.get(random.choice([STRATEGY, *CHAPTERS]), name="HTML page")  # noqa: S311

    @task(2)
    def document(self):
        self.client.get(f"/api/v3/pages/{random.choice(EDITED)}/", name="API page detail")  # noqa: S311

    @task(1)
    def contacts(self):
        self.client.get("/api/v3/contacts/?locale=sv", name="API contacts")


class Editor(HttpUser):
    fixed_count = 2
    wait_time = between(1, 2)

    @task
    def save_and_publish(self):
        page_id = random.choice(EDITED)  # noqa: S311
        headers = {"Authorization": f"Bearer {TOKEN}"}
        self.client.patch(
            f"/api/v3/pages/{page_id}/", json={"title": f"Redigerad {next(counter)}"}, headers=headers, name="API save"
        )
        self.client.post(f"/api/v3/pages/{page_id}/actions/publish/", json={}, headers=headers, name="API publish")
