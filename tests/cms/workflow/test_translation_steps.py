"""The translator's own steps in the translation editor (cms/translation_actions.py), through the real edit view."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import TranslationSource

from cms.roles import APPROVERS, TRANSLATORS
from pages.models import ChapterPage
from snippets.models import Contact
from tests.factories import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("tove", password="pw", first_name="Tove", last_name="Test")
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    client.force_login(user)
    return user


@pytest.fixture
def chapter(built):
    """A built Swedish chapter with a Finnish translation (parents translated first, as the package does)."""
    for page in (built.strategy, built.background, built.region):
        translate(page, "fi")
    return built.region


def finnish(page):
    return ChapterPage.objects.get(translation_key=page.translation_key, locale__language_code="fi")


def source_text(page):
    """The Swedish texts the translation editor shows the translator, one segment each."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale__language_code="sv")
    return "\n".join(source.stringsegment_set.values_list("string__data", flat=True))


def post(client, page, action):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"translation-action": action}, follow=True)


def test_sync_reads_the_published_swedish_version_never_a_draft(client, translator, chapter):
    chapter.title = "Läget i regionen, publicerad"
    chapter.save_revision().publish()
    chapter.refresh_from_db()
    chapter.title = "Läget i regionen, hemligt utkast"
    chapter.save_revision()

    response = post(client, finnish(chapter), "sync")

    assert response.status_code == 200
    assert "Läget i regionen, publicerad" in source_text(chapter)
    assert "hemligt utkast" not in source_text(chapter)
    assert "hemligt utkast" not in response.content.decode()


def test_sync_of_an_unpublished_swedish_page_is_refused_to_a_translator(client, translator, chapter):
    before = source_text(chapter)
    chapter.unpublish()
    # An unpublished page's own row holds its draft: what only its editors may read.
    ChapterPage.objects.filter(pk=chapter.pk).update(title="Läget i regionen, hemligt utkast")

    response = post(client, finnish(chapter), "sync")

    assert "inte publicerad än" in response.content.decode()
    assert source_text(chapter) == before


def test_submit_starts_a_review_and_publishes_nothing(client, translator, chapter):
    page = finnish(chapter)
    live_title = page.title

    response = post(client, page, "submit")

    assert "har lämnats in för granskning" in response.content.decode()
    page.refresh_from_db()
    assert page.title == live_title
    assert page.latest_revision.user == translator
    state = WorkflowState.objects.active().get(base_content_type__model="page", object_id=str(page.pk))
    assert state.requested_by == translator


def test_a_submitted_contact_translation_opens_again_for_the_translator_and_the_approver(client, translator, built):
    contact = translate(built.contact, "fi")
    edit = reverse(Contact.snippet_viewset.get_url_name("edit"), args=[contact.pk])

    submitted = client.post(edit, {"translation-action": "submit"}, follow=True)

    assert "har lämnats in för granskning" in submitted.content.decode()
    # The editor shows the review's timeline, with links to compare the revisions.
    assert client.get(edit).status_code == 200
    approver = get_user_model().objects.create_user("greta", password="pw")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    client.force_login(approver)
    assert client.get(edit).status_code == 200
