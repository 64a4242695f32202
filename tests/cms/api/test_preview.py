"""Draft preview says what it is: a draft for an editor's token, a refusal for everyone else, never live content
passed off as the draft, and no draft in any cache an anonymous reader can reach."""

import hashlib

import pytest
from django.contrib.auth.models import Group

from cms.roles import COMMUNICATORS
from pages.models import ChapterPage, StrategyPage

pytestmark = pytest.mark.django_db

DRAFT = "UTKAST"


@pytest.fixture
def communicator(django_user_model):
    user = django_user_model.objects.create_user("kommunikator-api", password="pw")
    user.groups.add(Group.objects.get(name=COMMUNICATORS))
    return user


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user("utomstaende", password="pw")


@pytest.fixture
def english_drafts(built_in_english):
    """Drafts of the English strategy, one English chapter and the Swedish contact its chapters embed."""
    english = built_in_english.strategy.get_translation(sv_to("en"))
    english.title = f"{DRAFT} English strategy"
    english.save_revision()
    chapter = ChapterPage.objects.descendant_of(english).first()
    chapter.title = f"{DRAFT} English chapter"
    chapter.save_revision()
    contact = built_in_english.contact.get_translation(sv_to("en"))
    contact.description = f"{DRAFT} contact"
    contact.save_revision()
    return english, chapter, contact


def sv_to(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def chapter_titles(document):
    def walk(chapters):
        for chapter in chapters:
            yield chapter["title"]
            yield from walk(chapter["chapters"])

    return list(walk(document["chapters"]))


def embedded_contacts(document):
    def walk(chapters):
        for chapter in chapters:
            for block in chapter["body"]:
                if block["type"] == "contacts":
                    yield from block["value"]
                if block["type"] == "contact_table":
                    yield from block["value"]["contacts"]
            yield from walk(chapter["chapters"])

    return list(walk(document["chapters"]))


def test_the_draft_in_the_requested_locale_by_either_id(api, strategy, english_drafts, token_for, communicator):
    english, _chapter, _contact = english_drafts
    headers = token_for(communicator)
    for path in [
        f"strategies/{english.pk}/?version=draft&locale=en",
        f"strategies/{strategy.pk}/?version=draft&locale=en",
    ]:
        response = api(path, **headers)
        assert response.status_code == 200, path
        document = response.json()
        assert (document["id"], document["locale"], document["title"]) == (
            english.pk,
            "en",
            f"{DRAFT} English strategy",
        ), path
        assert f"{DRAFT} English chapter" in chapter_titles(document), path
        assert (document["version"], response["Content-Version"]) == ("draft", "draft"), path


def test_the_draft_shows_draft_changes_of_the_snippets_it_embeds(
    api, strategy, english_drafts, token_for, communicator
):
    _english, _chapter, contact = english_drafts
    draft = api(f"strategies/{strategy.pk}/?version=draft&locale=en", **token_for(communicator)).json()
    shown = [c for c in embedded_contacts(draft) if c["id"] == contact.pk]
    assert shown and all(c["description"] == f"{DRAFT} contact" and c["version"] == "draft" for c in shown)
    live = api(f"strategies/{strategy.pk}/?locale=en").json()
    shown = [c for c in embedded_contacts(live) if c["id"] == contact.pk]
    assert shown and all(c["description"] != f"{DRAFT} contact" and c["version"] == "live" for c in shown)


def test_live_answers_say_they_are_live(api, strategy):
    for path in [f"strategies/{strategy.pk}/", f"pages/{strategy.pk}/", "contacts/?limit=1"]:
        response = api(path)
        assert response["Content-Version"] == "live", path
    assert api(f"strategies/{strategy.pk}/").json()["version"] == "live"
    assert api(f"pages/{strategy.pk}/").json()["version"] == "live"
    assert api("contacts/?limit=1").json()["items"][0]["version"] == "live"


def draft_paths(strategy, english_drafts):
    english, chapter, contact = english_drafts
    return [
        f"strategies/{strategy.pk}/?version=draft&locale=en",
        f"strategies/{english.pk}/?version=draft",
        f"pages/{chapter.pk}/?version=draft",
        f"contacts/{contact.pk}/?version=draft&locale=en",
        "contacts/?version=draft&locale=en&limit=20",
    ]


def test_a_draft_without_a_token_is_401_never_live_content(api, strategy, english_drafts):
    for path in draft_paths(strategy, english_drafts):
        for headers in [{}, {"Authorization": "Bearer not-a-token"}]:
            response = api(path, **headers)
            assert response.status_code == 401, path
            assert response["Content-Type"] == "application/problem+json"
            assert response["WWW-Authenticate"].startswith("Bearer")
            assert "version" not in response.json()


def test_a_draft_for_a_user_who_may_not_edit_is_403(api, strategy, english_drafts, token_for, outsider):
    for path in draft_paths(strategy, english_drafts):
        response = api(path, **token_for(outsider))
        assert response.status_code == 403, path
        assert DRAFT not in response.content.decode(), path


def test_every_snippet_endpoint_previews(api, built, english_drafts, token_for, communicator):
    _english, _chapter, contact = english_drafts
    headers = token_for(communicator)
    by_swedish_id = api(f"contacts/{built.contact.pk}/?version=draft&locale=en", **headers)
    by_own_id = api(f"contacts/{contact.pk}/?version=draft&locale=en", **headers)
    for response in (by_swedish_id, by_own_id):
        assert response.status_code == 200
        assert (response.json()["description"], response.json()["version"]) == (f"{DRAFT} contact", "draft")
        assert response["Content-Version"] == "draft"
    listing = api("contacts/?version=draft&locale=en&limit=20", **headers).json()["items"]
    assert next(c for c in listing if c["id"] == contact.pk)["description"] == f"{DRAFT} contact"
    unchanged = next(c for c in listing if c["id"] != contact.pk)
    assert unchanged["version"] == "live"


def test_a_draft_is_never_cached_for_anonymous_readers(api, strategy, english_drafts, token_for, communicator):
    english, chapter, _contact = english_drafts
    headers = token_for(communicator)
    for path in [f"strategies/{english.pk}/", f"pages/{chapter.pk}/"]:
        draft = api(f"{path}?version=draft", **headers)
        assert draft.status_code == 200
        assert "no-store" in draft["Cache-Control"] and not draft.has_header("ETag")
        assert DRAFT not in api(path).content.decode()
        # A reader presenting the draft's tag (as a shared cache might) gets the live answer, not a 304.
        draft_tag = '"' + hashlib.sha256(draft.content).hexdigest()[:40] + '"'
        fresh = api(path, **{"If-None-Match": draft_tag})
        assert fresh.status_code == 200 and DRAFT not in fresh.content.decode()


def test_the_page_detail_draft_of_a_strategy(api, strategy, token_for, communicator):
    strategy.title = f"{DRAFT} strategi"
    strategy.save_revision()
    response = api(f"pages/{strategy.pk}/?version=draft", **token_for(communicator))
    assert (response.json()["title"], response.json()["version"]) == (f"{DRAFT} strategi", "draft")
    assert api(f"pages/{strategy.pk}/").json()["title"] == StrategyPage.objects.get(pk=strategy.pk).title
