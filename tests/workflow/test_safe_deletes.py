"""Deleting something pages use, or a page that has translations, says what it affects first."""

import pytest
from django.urls import reverse

from pages.models import ChapterPage
from snippets.models import Actor, Contact
from tests.content import sv

pytestmark = pytest.mark.django_db


def warning(response, marker):
    html = response.content.decode()
    assert marker in html, marker
    return html.split(marker, 1)[1].split("</div>", 1)[0]


@pytest.mark.parametrize(
    ("model", "lookup", "shown_on"),
    [
        (Contact, {"name": "KAST"}, "Bilaga 2 Kontaktuppgifter"),
        (Actor, {"name": "Polisen"}, "Aktörer"),
    ],
)
def test_deleting_a_snippet_that_pages_use_lists_those_pages(admin_client, model, lookup, shown_on):
    obj = sv(model).get(**lookup)
    url = reverse(f"wagtailsnippets_snippets_{model._meta.model_name}:delete", args=[obj.pk])
    listed = warning(admin_client.get(url), "data-usages")
    assert shown_on in listed


def test_an_unused_contact_has_no_usage_list(admin_client):
    contact = Contact.objects.create(name="Oanvänd", category="clinic", locale=sv(Contact).first().locale)
    response = admin_client.get(reverse("wagtailsnippets_snippets_contact:delete", args=[contact.pk]))
    assert response.status_code == 200 and "data-usages" not in response.content.decode()


def test_deleting_a_page_with_translations_names_them_and_they_survive(admin_client):
    page = sv(ChapterPage).get(slug="aktorer")
    translations = list(page.get_translations())
    listed = warning(admin_client.get(reverse("wagtailadmin_pages:delete", args=[page.pk])), "data-translations")
    assert all(translation.title in listed for translation in translations) and len(translations) == 3

    admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert not ChapterPage.objects.filter(pk=page.pk).exists()
    assert ChapterPage.objects.filter(pk__in=[t.pk for t in translations]).count() == 3
