"""Guessing passwords at the admin's login is throttled per account and per client (django-axes)."""

import datetime
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from pages.client_address import client_address

pytestmark = pytest.mark.django_db

LOCKED_OUT = "För många misslyckade inloggningsförsök"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redaktor", password="rätt-lösenord", is_superuser=True)


def sign_in(username, password, address="192.0.2.10"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})
    return response, "_auth_user_id" in client.session


def fail(times, username="redaktor", address="192.0.2.10"):
    for _ in range(times):
        _response, signed_in = sign_in(username, "fel", address)
        assert not signed_in


def test_four_failures_still_let_the_right_password_in(editor):
    fail(4)
    assert sign_in("redaktor", "rätt-lösenord")[1]


def test_after_five_failures_the_right_password_is_refused_with_a_swedish_message(editor):
    fail(5)
    response, signed_in = sign_in("redaktor", "rätt-lösenord")
    assert not signed_in
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_OUT in page and "15 minuter" in page
    assert 'name="password"' in page  # the login page itself, to try again later


def test_the_account_is_locked_wherever_the_guesses_come_from(editor):
    fail(5, address="198.51.100.1")
    assert not sign_in("redaktor", "rätt-lösenord", address="192.0.2.99")[1]


def test_a_client_guessing_many_accounts_is_locked_for_all_of_them(editor, django_user_model):
    for name in ["anna", "bertil", "cecilia", "david", "erik"]:
        fail(1, username=name, address="198.51.100.7")
    assert not sign_in("redaktor", "rätt-lösenord", address="198.51.100.7")[1]
    assert sign_in("redaktor", "rätt-lösenord", address="192.0.2.10")[1]


def test_the_lockout_ends_after_the_cool_off(editor):
    fail(5)
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert sign_in("redaktor", "rätt-lösenord")[1]


def test_an_administrator_unlocks_an_account(editor):
    fail(5)
    call_command("axes_reset_username", "redaktor", stdout=StringIO())
    assert sign_in("redaktor", "rätt-lösenord")[1]


def test_behind_the_proxy_the_client_is_the_address_the_proxy_saw(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 81.2.3.4")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    # The left entry was sent by the client itself and could be anything.
    assert client_address(request) == "81.2.3.4"
