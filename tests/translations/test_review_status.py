"""Review status as data: readers are told a translation is unofficial until an approver records a review."""

import html
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.models import TranslationReview
from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.content_package.translations import REVIEW_MARKER, read_po
from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db

NOTICE = {
    "en": "This is an unofficial translation that has not yet been reviewed. The Swedish version applies.",
    "fi": "Tämä on epävirallinen käännös, jota ei ole vielä tarkistettu. Ruotsinkielinen versio on voimassa.",
    "ar": "هذه ترجمة غير رسمية لم تتم مراجعتها بعد. النسخة السويدية هي المعتمدة.",
}
SWEDISH_NOTICE = "Detta är en inofficiell översättning"


def translation_of(obj, code):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


def page_html(client, page):
    return shipped_html({page.url: (page, client.get(page.url))}, page)


def shipped_html(public_site, page):
    """The page as rendered from the shipped strategy (the session's public_site)."""
    response = public_site[page.url][1]
    assert response.status_code == 200, page.url
    return html.unescape(response.content.decode())


def review_url(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return reverse("translation_review", args=[content_type.pk, obj.pk])


@pytest.fixture
def as_role(client, django_user_model):
    def login(name):
        user = django_user_model.objects.create_user(f"user-{name}", password="pw", first_name="Test")
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        return client

    return login


@pytest.mark.parametrize("code", ["en", "fi", "ar"])
def test_every_translated_page_tells_readers_it_is_unreviewed_and_links_the_swedish_page(public_site, code):
    pages = Page.objects.live().public().filter(locale__language_code=code, depth__gt=1).specific()
    assert pages.count() > 10
    for page in pages:
        text = shipped_html(public_site, page)
        assert NOTICE[code] in text, page.url
        original = page.get_translation(Locale.objects.get(language_code="sv"))
        assert f'<a href="{original.url}" hreflang="sv">' in text, page.url


def test_swedish_pages_carry_no_notice(public_site):
    for page in Page.objects.live().public().filter(locale__language_code="sv", depth__gt=1).specific():
        assert 'class="unreviewed-notice"' not in shipped_html(public_site, page), page.url


def test_an_approver_marks_one_page_reviewed_and_only_its_notice_goes(client, as_role):
    norrland = translation_of(sv(ChapterPage).get(slug="norrland"), "fi")
    sibling = translation_of(sv(ChapterPage).get(slug="samverkan"), "fi")
    assert NOTICE["fi"] in page_html(client, norrland)
    api = client.get(f"/api/v3/pages/{norrland.pk}/").json()["translation"]
    assert (api["reviewed"], api["reviewed_at"]) == (False, None)

    approver = as_role(APPROVERS)
    form = approver.get(review_url(norrland))
    assert form.status_code == 200 and b'data-review-status="unreviewed"' in form.content
    response = approver.post(review_url(norrland), {"reviewer": "Aino Virtanen, auktoriserad translator"})
    assert response.status_code == 302
    client.logout()

    assert NOTICE["fi"] not in page_html(client, norrland)
    assert NOTICE["fi"] in page_html(client, sibling)
    api = client.get(f"/api/v3/pages/{norrland.pk}/").json()["translation"]
    assert api["reviewed"] is True and api["reviewed_at"]
    assert client.get(f"/api/v3/pages/{sibling.pk}/").json()["translation"]["reviewed"] is False
    strategy = StrategyPage.objects.get(locale__language_code="fi")
    document = client.get(f"/api/v3/strategies/{strategy.pk}/?locale=fi").json()
    assert document["translation"]["reviewed"] is False

    def flatten(chapters):
        for chapter in chapters:
            yield chapter
            yield from flatten(chapter["chapters"])

    reviewed = {c["id"] for c in flatten(document["chapters"]) if c["translation"]["reviewed"]}
    assert reviewed == {norrland.pk}
    review = TranslationReview.objects.get()
    assert review.reviewer == "Aino Virtanen, auktoriserad translator"


def test_the_swedish_source_reads_as_reviewed_in_the_api(client):
    norrland = sv(ChapterPage).get(slug="norrland")
    assert client.get(f"/api/v3/pages/{norrland.pk}/").json()["translation"] == {
        "source_locale": "sv",
        "outdated": False,
        "reviewed": True,
        "reviewed_at": None,
    }


@pytest.mark.parametrize("role", [TRANSLATORS, COMMUNICATORS])
def test_translators_and_communicators_cannot_mark_a_translation_reviewed(client, as_role, role):
    norrland = translation_of(sv(ChapterPage).get(slug="norrland"), "en")
    editor = as_role(role)
    # Wagtail's admin answers a refused permission with a redirect to the dashboard.
    assert editor.get(review_url(norrland)).status_code in (302, 403)
    assert editor.post(review_url(norrland), {"reviewer": "Myself"}).status_code in (302, 403)
    assert not TranslationReview.objects.exists()
    explorer = editor.get(reverse("wagtailadmin_explore", args=[norrland.pk]))
    assert b"translation-review" not in explorer.content


def test_the_editor_offers_approvers_the_review_only_on_translations(as_role):
    norrland = sv(ChapterPage).get(slug="norrland")
    approver = as_role(APPROVERS)
    english = translation_of(norrland, "en")
    # wagtail-localize replaces the editor of a translation; the page's menu in the explorer offers the review.
    assert review_url(english).encode() in approver.get(reverse("wagtailadmin_explore", args=[english.pk])).content
    assert b"translation-review" not in approver.get(reverse("wagtailadmin_explore", args=[norrland.pk])).content
    assert approver.get(review_url(norrland)).status_code == 404


def test_publishing_the_translation_again_needs_a_new_review(client, as_role):
    norrland = translation_of(sv(ChapterPage).get(slug="norrland"), "ar")
    as_role(APPROVERS).post(review_url(norrland), {"reviewer": "Reviewer"})
    client.logout()
    assert NOTICE["ar"] not in page_html(client, norrland)

    norrland.title = "نورلاند والساحل"
    norrland.save_revision().publish()
    assert NOTICE["ar"] in page_html(client, norrland)


def test_an_approver_can_withdraw_a_review(client, as_role):
    norrland = translation_of(sv(ChapterPage).get(slug="norrland"), "en")
    approver = as_role(APPROVERS)
    approver.post(review_url(norrland), {"reviewer": "Reviewer"})
    assert b'data-review-status="reviewed"' in approver.get(review_url(norrland)).content
    approver.post(review_url(norrland), {"withdraw": "1"})
    client.logout()
    assert NOTICE["en"] in page_html(client, norrland)


def test_a_snippet_translation_can_be_reviewed_too(as_role):
    contact = translation_of(sv(Contact).get(name="Polisen", in_emergency_banner=True), "en")
    approver = as_role(APPROVERS)
    listing = b"".join(
        approver.get(reverse("wagtailsnippets_snippets_contact:list"), {"locale": "en", "p": p}).content for p in (1, 2)
    )
    assert review_url(contact).encode() in listing
    assert approver.post(review_url(contact), {"reviewer": "Reviewer"}).status_code == 302
    assert TranslationReview.objects.filter(translation_key=contact.translation_key, locale=contact.locale).exists()


def test_an_export_keeps_the_review_marker_and_every_text(tmp_path):
    call_command("export_strategy_po", "en", "fi", "ar", output_dir=tmp_path, stdout=StringIO())
    for code in ["en", "fi", "ar"]:
        exported = polib.pofile(str(tmp_path / f"{code}.po"), wrapwidth=0)
        shipped = read_po(code)
        assert exported.metadata["X-Translation-Status"] == REVIEW_MARKER
        assert "awaiting review by qualified translators" in exported.header.replace("\n", " ")
        assert shipped.metadata["X-Translation-Status"] == REVIEW_MARKER
        assert {(e.msgctxt, e.msgid): e.msgstr for e in exported} == {(e.msgctxt, e.msgid): e.msgstr for e in shipped}


def test_translators_find_the_termbase_in_the_admin(as_role):
    translator = as_role(TRANSLATORS)
    page = translator.get(reverse("termbase"))
    assert page.status_code == 200
    text = html.unescape(page.content.decode())
    assert "Police (Polisen)" in text and "الشرطة (Polisen)" in text and "sosiaalitoimi" in text
    assert reverse("termbase").encode() in translator.get(reverse("wagtailadmin_home")).content


def test_the_notice_is_in_the_page_language_not_swedish(client):
    english = translation_of(sv(ChapterPage).get(slug="norrland"), "en")
    assert SWEDISH_NOTICE not in page_html(client, english)
