"""Choosing a snippet for a body block finds it by the first letters of its name, in every snippet type."""

import re

import pytest

from tests.factories import ActorFactory, ContactFactory

pytestmark = pytest.mark.django_db


def chosen_names(client, model, typed):
    answer = client.get(f"/admin/snippets/choose/snippets/{model}/results/", {"q": typed})
    assert answer.status_code == 200
    return [name.strip() for name in re.findall(r"data-chooser-modal-choice[^>]*>([^<(]*)", answer.content.decode())]


def test_a_contact_is_found_by_the_start_of_its_name_or_organisation(admin_client):
    ContactFactory(name="Kanalgatans mottagning", organisation="Hälsocentralen Norrböle")
    assert chosen_names(admin_client, "contact", "Kanalgat") == ["Kanalgatans mottagning"]
    assert chosen_names(admin_client, "contact", "Norrbö") == ["Kanalgatans mottagning"]


def test_an_actor_is_found_by_the_start_of_its_name(admin_client):
    ActorFactory(name="Kvinnofridsmottagningen")
    assert chosen_names(admin_client, "actor", "Kvinnofridsmott") == ["Kvinnofridsmottagningen"]
