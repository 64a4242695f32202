"""A translator sees Swedish pages by their live titles: a communicator's draft title is not theirs to read."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.models import StrategyPage

pytestmark = pytest.mark.django_db
DRAFT = "Utkast som ingen har granskat"


def client_of(django_user_model, name):
    """A fresh browser session, so no message from another user's session shows up."""
    user, _ = django_user_model.objects.get_or_create(username=f"user-{name}")
    user.groups.add(Group.objects.get(name=name))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def drafted(django_user_model, built):
    """A communicator saves a draft title on a live Swedish chapter and on its strategy (a breadcrumb)."""
    client = client_of(django_user_model, COMMUNICATORS)
    chapter = built.region
    strategy = StrategyPage.objects.ancestor_of(chapter).get()
    client.post(
        reverse("wagtailadmin_pages:edit", args=[chapter.pk]),
        {"title": f"{DRAFT} (kapitel)", "slug": chapter.slug, "body-count": "0"},
    )
    strategy.refresh_from_db()
    strategy.title = f"{DRAFT} (strategi)"
    strategy.save_revision()
    chapter.refresh_from_db()
    assert chapter.draft_title == f"{DRAFT} (kapitel)" and chapter.title == "Läget i regionen"
    return chapter, StrategyPage.objects.get(pk=strategy.pk)


def chooser_views(chapter, strategy):
    return {
        "browse the chapter's parent": reverse("wagtailadmin_choose_page_child", args=[chapter.get_parent().pk]),
        "browse the strategy's parent": reverse("wagtailadmin_choose_page_child", args=[strategy.get_parent().pk]),
        "search": reverse("wagtailadmin_choose_page_search") + "?q=regionen",
        "search results only": reverse("wagtailadmin_choose_page_search") + "?q=regionen&results_only=true",
    }


def test_a_translator_sees_live_titles_in_the_page_chooser(django_user_model, drafted):
    chapter, strategy = drafted
    client = client_of(django_user_model, TRANSLATORS)
    for name, url in chooser_views(chapter, strategy).items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, name
        assert DRAFT not in html, name
    # The chooser answers JSON, which escapes the title's "ä".
    browsed = client.get(chooser_views(chapter, strategy)["browse the chapter's parent"]).json()["html"]
    assert "Läget i regionen" in browsed


def test_a_translator_sees_live_titles_in_the_admin_search(django_user_model, drafted):
    client = client_of(django_user_model, TRANSLATORS)
    for query in ("regionen", "Utkast"):
        response = client.get(reverse("wagtailadmin_pages:search") + f"?q={query}")
        assert response.status_code == 200 and DRAFT not in response.content.decode(), query


@pytest.mark.parametrize("role", [COMMUNICATORS, APPROVERS])
def test_those_who_edit_the_page_still_see_its_draft_title(django_user_model, drafted, role):
    chapter, strategy = drafted
    client = client_of(django_user_model, role)
    html = client.get(chooser_views(chapter, strategy)["browse the chapter's parent"]).content.decode()
    assert f"{DRAFT} (kapitel)" in html
