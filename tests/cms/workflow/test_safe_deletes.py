"""Deleting is whole: a Swedish page or snippet goes with its translations, and the confirmation
says first which translations and which pages it affects."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.roles import APPROVERS, COMMUNICATORS
from snippets.models import Contact
from tests.factories import TRANSLATED, ActorFactory, ChapterPageFactory, ContactFactory, publish, translate_into

pytestmark = pytest.mark.django_db


def warning(response, marker):
    html = response.content.decode()
    assert marker in html, marker
    return html.split(marker, 1)[1].split("</div>", 1)[0]


def listed(page_or_snippet):
    """How a delete confirmation names a page or snippet the user may edit: a link, then its language."""
    title = getattr(page_or_snippet, "get_admin_display_title", page_or_snippet.__str__)()
    return f">{title}</a> ({page_or_snippet.locale.get_display_name()})"


def translations(obj):
    return {t.locale.language_code: t for t in type(obj).objects.filter(translation_key=obj.translation_key)}


def delete_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:delete", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("delete"), args=[obj.pk])


@pytest.fixture
def contact_shown(built):
    """The built strategy's contact, chosen by its chapter `help`, both in every language."""
    translate_into(TRANSLATED, built.contact, built.strategy, built.help)
    return built.contact, built.help


@pytest.fixture
def actor_shown(built):
    """An actor chosen by a chapter of the built strategy, both in every language."""
    actor = publish(ActorFactory(name="Testpolisen"))
    chapter = publish(
        ChapterPageFactory(parent=built.strategy, title="Aktörerna", body=[("actors", {"actors": [actor]})])
    )
    translate_into(TRANSLATED, actor, built.strategy, chapter)
    return actor, chapter


@pytest.mark.parametrize("shown", ["contact_shown", "actor_shown"])
def test_deleting_a_snippet_that_pages_use_lists_those_pages_and_its_translations(as_role, request, shown):
    obj, shown_on = request.getfixturevalue(shown)
    response = as_role(APPROVERS).get(delete_url(obj))
    usages, listed_translations = warning(response, "data-usages"), warning(response, "data-translations")
    # The pages that show a translation are named too: they lose it as well.
    for page in translations(shown_on).values():
        assert listed(page) in usages, page.locale
    for code in TRANSLATED:
        assert listed(translations(obj)[code]) in listed_translations, code


def test_an_unused_contact_has_no_usage_list(as_role):
    contact = publish(ContactFactory(name="Oanvänd", category="clinic"))
    response = as_role(APPROVERS).get(delete_url(contact))
    html = response.content.decode()
    assert response.status_code == 200 and "data-usages" not in html and "data-translations" not in html


def public(client, url):
    client.logout()
    return client.get(url)


def listed_contact_ids(client, code):
    ids, offset = [], 0
    while True:
        items = public(client, f"/api/v3/contacts/?locale={code}&limit=20&offset={offset}").json()["items"]
        ids += [item["id"] for item in items]
        if len(items) < 20:
            return ids
        offset += 20


def test_an_approver_deletes_a_swedish_contact_and_no_language_shows_it_any_more(as_role, client, built):
    contact = built.contact
    # A number no other contact has: it is on the page only through this contact.
    contact.phone = "0910-12 34 56"
    publish(contact)
    translate_into(TRANSLATED, contact, built.strategy, built.help)
    before = translations(contact)
    page_of = {code: page for code, page in translations(built.help).items() if code in TRANSLATED}
    for code, translation in before.items():
        if code in TRANSLATED:
            # The number, not the name: the name also appears in running text.
            assert translation.phone in public(client, page_of[code].url).content.decode(), code
            assert public(client, f"/api/v3/contacts/{translation.pk}/?locale={code}").status_code == 200
            assert translation.pk in listed_contact_ids(client, code), code

    as_role(APPROVERS).post(delete_url(contact))

    assert Contact.objects.filter(translation_key=contact.translation_key).count() == 0
    for code, translation in before.items():
        if code not in TRANSLATED:
            continue
        assert translation.phone not in public(client, page_of[code].url).content.decode(), code
        assert public(client, f"/api/v3/contacts/{translation.pk}/?locale={code}").status_code == 404, code
        assert translation.pk not in listed_contact_ids(client, code), code


def test_an_approver_deletes_a_swedish_chapter_with_its_translations(as_role, client, chapter_everywhere):
    chapter = chapter_everywhere
    before = translations(chapter)
    urls = {code: page.url for code, page in before.items()}
    assert all(public(client, url).status_code == 200 for url in urls.values())

    approver = as_role(APPROVERS)
    listed_translations = warning(approver.get(delete_url(chapter)), "data-translations")
    assert all(listed(before[code]) in listed_translations for code in TRANSLATED)
    approver.post(delete_url(chapter))

    assert not Page.objects.filter(translation_key=chapter.translation_key).exists()
    for code, url in urls.items():
        assert public(client, url).status_code == 404, code
        assert public(client, f"/api/v3/pages/{before[code].pk}/").status_code == 404, code


def test_nothing_is_deleted_when_a_translation_may_not_go_with_it(as_role, chapter_everywhere):
    # A communicator may delete a Swedish page that is not live, but not a live translation of it:
    # deleting only the source would leave that translation live and orphaned.
    chapter = chapter_everywhere
    Page.objects.filter(pk=chapter.pk).update(live=False)
    communicator = as_role(COMMUNICATORS)

    response = communicator.get(delete_url(chapter), follow=True)
    assert "Inget raderades" in response.content.decode()
    communicator.post(delete_url(chapter))
    assert Page.objects.filter(translation_key=chapter.translation_key).count() == 4


def test_deleting_a_translation_leaves_the_source(as_role, contact_everywhere):
    contact = contact_everywhere
    as_role(APPROVERS).post(delete_url(translations(contact)["fi"]))
    assert set(translations(contact)) == {"sv", "en", "ar"}


def test_bulk_deleting_swedish_contacts_takes_their_translations(as_role, contact_everywhere):
    contact = contact_everywhere
    url = reverse("wagtail_bulk_action", args=["snippets", "contact", "delete"]) + f"?id={contact.pk}"
    as_role(APPROVERS).post(url)
    assert not Contact.objects.filter(translation_key=contact.translation_key).exists()
