"""A superuser can open the editor of every page type and snippet of the shipped content."""

import pytest
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder

from pages.models import AccessibilityStatementPage, ChapterPage, HomePage, SafetyAdvicePage, StrategyPage
from snippets.models import Actor, Concept, Contact, Goal, IndicatorCategory, Resource
from tests.content import sv

pytestmark = pytest.mark.django_db


PAGE_TYPES = [HomePage, StrategyPage, ChapterPage, SafetyAdvicePage, AccessibilityStatementPage]


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_page_editor_opens(admin_client, model):
    page = sv(model).first()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


@pytest.mark.parametrize("model", [Actor, Concept, Contact, Goal, IndicatorCategory, Resource])
def test_snippet_editor_and_listing_open(admin_client, superuser, model):
    obj = sv(model).first()
    edit_url = AdminURLFinder(superuser).get_edit_url(obj)
    response = admin_client.get(edit_url)
    assert response.status_code == 200
    assert "Spara utkast" in response.content.decode()  # the editor works in Swedish
    listing = admin_client.get(reverse(model.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    finder = AdminURLFinder(superuser)
    assert any(finder.get_edit_url(other) in listing.content.decode() for other in model.objects.all())


def test_the_contact_editor_explains_the_phone_format_in_swedish(admin_client, superuser):
    response = admin_client.get(AdminURLFinder(superuser).get_edit_url(sv(Contact).first()))
    assert "Som det slås i Sverige, t.ex. 0910-73 50 00" in response.content.decode()


def test_new_chapter_form_opens_under_a_chapter(admin_client):
    parent = sv(ChapterPage).first()
    response = admin_client.get(reverse("wagtailadmin_pages:add", args=["pages", "chapterpage", parent.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("model", "shown"),
    [
        (Actor, lambda actor: actor.responsibilities.first().text),
        (Concept, lambda concept: concept.term),
        (Contact, lambda contact: f'href="{contact.tel_href}"'),
        (Goal, lambda goal: goal.title),
        (IndicatorCategory, lambda category: category.indicators.last().text),
        (Resource, lambda resource: f'href="{resource.url}"'),
    ],
)
def test_snippet_preview_shows_it_as_on_the_site(rf, superuser, model, shown):
    obj = (
        model.objects.exclude(**({"responsibilities": None} if model is Actor else {}))
        .exclude(**({"phone": ""} if model is Contact else {}))
        .first()
    )
    request = rf.get("/")
    request.user = superuser
    response = obj.make_preview_request(request)
    assert response.status_code == 200
    assert shown(obj) in response.render().content.decode()


@pytest.mark.parametrize("model", PAGE_TYPES)
def test_page_preview_renders(rf, superuser, model):
    page = sv(model).first()
    request = rf.get("/")
    request.user = superuser
    response = page.make_preview_request(request)
    assert response.status_code == 200
    assert page.title in response.render().content.decode()
