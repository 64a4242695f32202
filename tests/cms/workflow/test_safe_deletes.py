"""Deleting is whole: a Swedish page or snippet goes with its translations, and the confirmation
says first which translations and which pages it affects."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from cms.roles import APPROVERS, COMMUNICATORS
from pages.models import ChapterPage
from snippets.models import Actor, Contact
from tests.content import sv

pytestmark = pytest.mark.django_db
TRANSLATED = ["en", "fi", "ar"]


def warning(response, marker):
    html = response.content.decode()
    assert marker in html, marker
    return html.split(marker, 1)[1].split("</div>", 1)[0]


def translations(obj):
    return {t.locale.language_code: t for t in type(obj).objects.filter(translation_key=obj.translation_key)}


def delete_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:delete", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("delete"), args=[obj.pk])


@pytest.mark.parametrize(
    ("model", "lookup", "shown_on"),
    [
        (Contact, {"name": "KAST"}, "Bilaga 2 Kontaktuppgifter"),
        (Actor, {"name": "Polisen"}, "Aktörer"),
    ],
)
def test_deleting_a_snippet_that_pages_use_lists_those_pages_and_its_translations(as_role, model, lookup, shown_on):
    obj = sv(model).get(**lookup)
    response = as_role(APPROVERS).get(delete_url(obj))
    usages, listed = warning(response, "data-usages"), warning(response, "data-translations")
    # The pages that show a translation are named too: they lose it as well.
    for page in translations(sv(ChapterPage).get(title=shown_on)).values():
        assert page.title in usages, page.locale
    for code in TRANSLATED:
        translation = translations(obj)[code]
        assert f">{translation}</a> ({translation.locale.get_display_name()})" in listed, code


def test_an_unused_contact_has_no_usage_list(as_role):
    contact = Contact.objects.create(name="Oanvänd", category="clinic", locale=sv(Contact).first().locale)
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


def test_an_approver_deletes_a_swedish_contact_and_no_language_shows_it_any_more(as_role, client):
    contact = sv(Contact).get(name="KAST")
    before = translations(contact)
    page_of = {
        code: ChapterPage.objects.get(
            translation_key=sv(ChapterPage).get(title="Bilaga 2 Kontaktuppgifter").translation_key,
            locale__language_code=code,
        )
        for code in TRANSLATED
    }
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


def test_an_approver_deletes_a_swedish_chapter_with_its_translations(as_role, client):
    chapter = sv(ChapterPage).get(slug="aktorer")
    before = translations(chapter)
    urls = {code: page.url for code, page in before.items()}
    assert all(public(client, url).status_code == 200 for url in urls.values())

    approver = as_role(APPROVERS)
    listed = warning(approver.get(delete_url(chapter)), "data-translations")
    assert all(before[code].title in listed for code in TRANSLATED)
    approver.post(delete_url(chapter))

    assert not Page.objects.filter(translation_key=chapter.translation_key).exists()
    for code, url in urls.items():
        assert public(client, url).status_code == 404, code
        assert public(client, f"/api/v3/pages/{before[code].pk}/").status_code == 404, code


def test_nothing_is_deleted_when_a_translation_may_not_go_with_it(as_role):
    # A communicator may delete a Swedish page that is not live, but not a live translation of it:
    # deleting only the source would leave that translation live and orphaned.
    chapter = sv(ChapterPage).get(slug="aktorer")
    Page.objects.filter(pk=chapter.pk).update(live=False)
    communicator = as_role(COMMUNICATORS)

    response = communicator.get(delete_url(chapter), follow=True)
    assert "Inget raderades" in response.content.decode()
    communicator.post(delete_url(chapter))
    assert Page.objects.filter(translation_key=chapter.translation_key).count() == 4


def test_deleting_a_translation_leaves_the_source(as_role):
    contact = sv(Contact).get(name="KAST")
    as_role(APPROVERS).post(delete_url(translations(contact)["fi"]))
    assert set(translations(contact)) == {"sv", "en", "ar"}


def test_bulk_deleting_swedish_contacts_takes_their_translations(as_role):
    contact = sv(Contact).get(name="KAST")
    url = reverse("wagtail_bulk_action", args=["snippets", "contact", "delete"]) + f"?id={contact.pk}"
    as_role(APPROVERS).post(url)
    assert not Contact.objects.filter(translation_key=contact.translation_key).exists()
