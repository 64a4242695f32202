"""Every admin view checks CSRF, passwords only work through the login form, and an anonymous
visitor reaches no revision, comparison, preview or draft through the admin's URLs."""

import base64

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from rest_framework.authentication import SessionAuthentication
from wagtail.models import Revision
from wagtail_localize.models import StringSegment, Translation

from pages.models import ChapterPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db

SECRET = "Hemligt utkast 7f3a"


def admin_views(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        path = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_views(pattern.url_patterns, path)
        elif path.startswith("admin/"):
            yield path, pattern.callback


def test_every_admin_view_checks_csrf():
    unchecked = []
    for path, view in admin_views():
        if not getattr(view, "csrf_exempt", False):
            continue  # Django's CSRF middleware checks it
        # DRF views are exempt from the middleware and check CSRF in SessionAuthentication instead;
        # any other way in (HTTP Basic, tokens) would skip that check.
        authenticators = [type(a) for a in view.cls().get_authenticators()] if hasattr(view, "cls") else []
        if authenticators != [SessionAuthentication]:
            unchecked.append((path, authenticators))
    assert unchecked == []


@pytest.fixture
def csrf_client(superuser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    return client


def test_admin_api_writes_without_a_csrf_token_are_refused(csrf_client):
    chapter = sv(ChapterPage).get(slug="aktorer")
    unpublish = csrf_client.post(f"/admin/api/main/pages/{chapter.pk}/action/unpublish/", {})
    assert unpublish.status_code == 403
    assert sv(ChapterPage).get(pk=chapter.pk).live

    translation = Translation.objects.filter(source__object__translation_key=chapter.translation_key).first()
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    edit = csrf_client.put(url, {"value": "Intrång"}, content_type="application/json")
    assert edit.status_code == 403
    assert not segment.string.translations.filter(data="Intrång").exists()


def test_a_password_in_an_authorization_header_opens_no_admin_api(client, superuser):
    superuser.set_password("pw-basic")
    superuser.save()
    credentials = base64.b64encode(b"root:pw-basic").decode()
    for path in ("/admin/api/main/images/", "/admin/api/main/documents/", "/admin/api/main/pages/"):
        response = client.get(path, HTTP_AUTHORIZATION=f"Basic {credentials}")
        assert response.status_code in (302, 401, 403), path
        assert response.status_code != 302 or response["Location"].startswith("/admin/login/"), path


@pytest.fixture
def drafts(superuser):
    chapter = sv(ChapterPage).get(slug="aktorer")
    chapter.title = SECRET
    page_revision = chapter.save_revision(user=superuser)
    contact = sv(Contact).get(name="Mikamottagningen")
    contact.name = SECRET
    snippet_revision = contact.save_revision(user=superuser)
    return chapter, page_revision, contact, snippet_revision


def test_anonymous_visitors_reach_no_revision_preview_or_draft(client, drafts):
    chapter, page_revision, contact, snippet_revision = drafts
    live_revision = Revision.page_revisions.filter(object_id=str(chapter.pk)).exclude(pk=page_revision.pk).first()
    paths = [
        reverse("wagtailadmin_pages:view_draft", args=[chapter.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[chapter.pk, page_revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[chapter.pk, live_revision.pk, page_revision.pk]),
        reverse("wagtailadmin_pages:history", args=[chapter.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[chapter.pk]),
        reverse("wagtailsnippets_snippets_contact:revisions_view", args=[contact.pk, snippet_revision.pk]),
        reverse("wagtailsnippets_snippets_contact:preview_on_edit", args=[contact.pk]),
        reverse("wagtailsnippets_snippets_contact:history", args=[contact.pk]),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), path
        assert SECRET not in response.content.decode(), path


def test_a_draft_page_answers_like_a_page_that_does_not_exist(client, superuser):
    chapter = sv(ChapterPage).get(slug="aktorer")
    draft = sv(ChapterPage).get(slug="norrland")
    draft.unpublish()
    hidden = client.get(draft.url_path.replace("/home", "/sv", 1))
    missing = client.get(draft.url_path.replace("/home", "/sv", 1).replace("norrland", "finns-inte"))
    assert hidden.status_code == missing.status_code == 404
    # The same page, but for the address itself (the language switcher links to it).
    assert hidden.content.decode().replace("norrland", "finns-inte") == missing.content.decode()
    assert client.get(chapter.url).status_code == 200
