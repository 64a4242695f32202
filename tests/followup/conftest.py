import datetime

import pytest
from django.contrib.auth.models import Group

from cms.roles import NETWORK_REPRESENTATIVES
from followup.models import NetworkRepresentative
from followup.rounds import open_round
from pages.models import StrategyPage
from snippets.models import Actor
from tests.factories import ActorFactory, publish


def swedish_actor(name):
    return Actor.objects.get(name=name, locale__language_code="sv")


@pytest.fixture
def strategy():
    return StrategyPage.objects.get(locale__language_code="sv")


def open_this_years_round(strategy):
    today = datetime.date.today()
    return open_round(
        strategy,
        2030,
        opens_on=today - datetime.timedelta(days=7),
        report_deadline=today + datetime.timedelta(days=21),
    )


@pytest.fixture
def open_follow_up(strategy):
    """This year's round, open since a week, due in three weeks, with a draft report per actor."""
    return open_this_years_round(strategy)


@pytest.fixture
def built_actor_in_round(strategy):
    """An actor built with two ongoing activities and a planned one, and this year's round opened after it:
    (the actor, the round)."""
    actor = publish(ActorFactory(name="Testaktören", ongoing=["Uppsökande arbete", "Utbildning"], future=["Kampanj"]))
    return actor, open_this_years_round(strategy)


@pytest.fixture
def representative(django_user_model):
    """A user of the Nätverksrepresentanter group who reports for Polisen."""

    def make(actor_name="Polisen", username="polis"):
        user = django_user_model.objects.create_user(username, password="pw")
        user.groups.add(Group.objects.get(name=NETWORK_REPRESENTATIVES))
        NetworkRepresentative.objects.create(user=user, actor=swedish_actor(actor_name))
        return user

    return make
