"""Converting a translation into an alias puts the Swedish text live in that language without
review: only administrators may, and only after confirming."""

import html
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail_localize.models import Translation

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from tests.factories import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def finnish_chapter(built):
    """The Finnish translation of a built chapter, translated as the package translates (parents first)."""
    return [translate(page, "fi") for page in (built.strategy, built.background, built.region)][-1]


def login(client, django_user_model, role):
    user = django_user_model.objects.create_user(f"user-{role}", password="pw")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def convert_url(page):
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


@pytest.mark.parametrize("role", [COMMUNICATORS, TRANSLATORS, APPROVERS])
def test_editors_cannot_convert_a_translation_into_an_alias(client, django_user_model, finnish_chapter, role):
    login(client, django_user_model, role)
    assert client.get(convert_url(finnish_chapter)).status_code == 403
    assert client.post(convert_url(finnish_chapter)).status_code == 403
    # The editor's "Konvertera till alias" button posts here and is sent on to the same view.
    edit = reverse("wagtailadmin_pages:edit", args=[finnish_chapter.pk])
    response = client.post(edit, {"localize-convert-to-alias": "1"}, follow=True)
    assert response.status_code == 403
    finnish_chapter.refresh_from_db()
    assert finnish_chapter.alias_of_id is None


def editor_props(client, page):
    content = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    return json.loads(html.unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', content).group(1)))


def test_the_translation_editor_offers_convert_to_alias_to_administrators_only(
    client, django_user_model, admin_client, finnish_chapter
):
    assert editor_props(admin_client, finnish_chapter)["links"]["convertToAliasUrl"]
    login(client, django_user_model, TRANSLATORS)
    assert editor_props(client, finnish_chapter)["links"]["convertToAliasUrl"] is None


def test_the_page_editor_offers_convert_to_alias_to_administrators_only(
    client, django_user_model, admin_client, finnish_chapter
):
    # Once synced translation has been stopped the page opens in Wagtail's own editor, whose
    # action menu carries wagtail-localize's "Convert to alias page".
    Translation.objects.filter(source__object_id=finnish_chapter.translation_key).update(enabled=False)
    edit = reverse("wagtailadmin_pages:edit", args=[finnish_chapter.pk])
    assert 'name="localize-convert-to-alias"' in admin_client.get(edit).content.decode()
    login(client, django_user_model, TRANSLATORS)
    response = client.get(edit)
    assert response.status_code == 200
    assert 'name="localize-convert-to-alias"' not in response.content.decode()


def test_an_administrator_confirms_before_the_page_becomes_an_alias(admin_client, built, finnish_chapter):
    confirmation = admin_client.get(convert_url(finnish_chapter))
    assert confirmation.status_code == 200
    assert "Ja, konvertera" in confirmation.content.decode()
    finnish_chapter.refresh_from_db()
    assert finnish_chapter.alias_of_id is None

    admin_client.post(convert_url(finnish_chapter))
    finnish_chapter.refresh_from_db()
    assert finnish_chapter.alias_of_id == built.region.pk
