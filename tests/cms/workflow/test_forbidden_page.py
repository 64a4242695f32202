"""A refusal in the admin is a Swedish page in the admin's layout with a way back, not a bare 403."""

import pytest
from django.urls import reverse

from cms.roles import COMMUNICATORS, TRANSLATORS
from snippets.models import Contact
from tests.factories import translate

pytestmark = pytest.mark.django_db


def test_a_translator_opening_a_swedish_contact_is_told_why_and_led_back(as_role, built):
    contact = built.contact
    response = as_role(TRANSLATORS).get(reverse(Contact.snippet_viewset.get_url_name("edit"), args=[contact.pk]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Du får inte göra det här" in html
    assert "Den svenska originaltexten" in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html and "Tillbaka till översikten" in html
    assert "wagtail-sidebar" in html  # the admin's own layout, with its menu


def test_a_refused_wagtail_localize_action_answers_the_same_way(as_role, built):
    # A Finnish chapter, translated as the package translates (parents first).
    chapter = [translate(page, "fi") for page in (built.strategy, built.background, built.region)][-1]
    response = as_role(COMMUNICATORS).get(reverse("wagtail_localize:convert_to_alias", args=[chapter.pk]))
    html = response.content.decode()
    assert response.status_code == 403 and "Du får inte göra det här" in html
    assert "Den svenska originaltexten" not in html  # the translators' explanation is for translators
