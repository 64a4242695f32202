"""Role, action and locale, through the real admin views: what each shipped group may and may not do."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, WorkflowState
from wagtail_localize.models import OverridableSegment, Translation, TranslationSource

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.models import AccessibilityStatementPage
from snippets.models import Contact
from tests.factories import ChapterPageFactory, publish, rich_text, translate_into

pytestmark = pytest.mark.django_db


def in_group(django_user_model, name):
    user = django_user_model.objects.create_user(f"user-{name}", password="pw")
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def login(client, django_user_model):
    def as_role(name):
        client.force_login(in_group(django_user_model, name))
        return client

    return as_role


def translated(obj, code="en"):
    return type(obj).objects.get(translation_key=obj.translation_key, locale__language_code=code)


def allowed(response):
    return response.status_code == 200


@pytest.mark.parametrize(
    ("role", "sv_page", "en_page"),
    [(COMMUNICATORS, True, True), (APPROVERS, True, True), (TRANSLATORS, False, True)],
)
def test_who_opens_page_editors_history_and_revisions(login, built_in_english, role, sv_page, en_page):
    client = login(role)
    chapter = built_in_english.region
    for page, expected in [(chapter, sv_page), (translated(chapter), en_page)]:
        for url in [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"]),
        ]:
            assert allowed(client.get(url)) is expected, (role, page.locale, url)


@pytest.mark.parametrize(
    ("role", "sv_contact", "en_contact"),
    [(COMMUNICATORS, True, True), (APPROVERS, True, True), (TRANSLATORS, False, True)],
)
def test_who_opens_snippet_editors_and_history(login, built_in_english, role, sv_contact, en_contact):
    client = login(role)
    contact = built_in_english.contact
    for obj, expected in [(contact, sv_contact), (translated(contact), en_contact)]:
        edit = reverse(Contact.snippet_viewset.get_url_name("edit"), args=[obj.pk])
        history = reverse(Contact.snippet_viewset.get_url_name("history"), args=[obj.pk])
        assert allowed(client.get(edit)) is expected, (role, obj.locale, "edit")
        assert allowed(client.get(history)) is expected, (role, obj.locale, "history")


def publish_page_as(client, page, title):
    data = {"title": title, "slug": page.slug, "body-count": "0", "action-publish": "publish"}
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize(("role", "may_publish"), [(COMMUNICATORS, False), (APPROVERS, True)])
def test_only_approvers_publish_pages(login, built, role, may_publish):
    client = login(role)
    page = built.region
    publish_page_as(client, page, "Läget i regionen, publicerad")
    page.refresh_from_db()
    assert (page.title == "Läget i regionen, publicerad") is may_publish


@pytest.mark.parametrize(("role", "may_publish"), [(COMMUNICATORS, False), (APPROVERS, True), (TRANSLATORS, False)])
def test_only_approvers_publish_contacts(login, built_in_english, role, may_publish):
    client = login(role)
    contact = built_in_english.contact if role != TRANSLATORS else translated(built_in_english.contact)
    data = {
        "name": contact.name,
        "phone": "020-61 60 61",
        "category": contact.category,
        "action-publish": "publish",
    }
    client.post(reverse(Contact.snippet_viewset.get_url_name("edit"), args=[contact.pk]), data)
    contact.refresh_from_db()
    assert (contact.phone == "020-61 60 61") is may_publish


def submit_for_review(client, user, page, title):
    """The user edits the page's title in the admin and submits it to the workflow."""
    client.force_login(user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": title, "slug": page.slug, "body-count": "0", "action-submit": "submit"},
    )
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))


def test_a_communicator_submits_and_an_approver_approves(client, django_user_model, built):
    communicator = in_group(django_user_model, COMMUNICATORS)
    approver = in_group(django_user_model, APPROVERS)
    page = built.region

    state = submit_for_review(client, communicator, page, "Läget i regionen, granskad")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert page.title == "Läget i regionen"

    client.force_login(approver)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Läget i regionen, granskad" in dashboard
    task_state = state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.title == "Läget i regionen, granskad" and page.live
    logged = set(PageLogEntry.objects.filter(page=page).values_list("action", "user__username"))
    assert {
        ("wagtail.workflow.start", communicator.username),
        ("wagtail.workflow.approve", approver.username),
        ("wagtail.publish", approver.username),
    } <= logged


def test_a_page_locked_by_one_editor_cannot_be_saved_by_another(client, django_user_model, built):
    first, second = in_group(django_user_model, APPROVERS), in_group(django_user_model, COMMUNICATORS)
    page = built.region
    client.force_login(first)
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    page.refresh_from_db()
    assert page.locked and page.locked_by == first

    client.force_login(second)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Läget i regionen, låst", "slug": page.slug, "body-count": "0"},
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Läget i regionen"


def test_communicators_do_not_manage_users_or_settings(login):
    client = login(COMMUNICATORS)
    for url in [reverse("wagtailusers_users:index"), reverse("wagtailusers_groups:index"), "/admin/sites/"]:
        assert not allowed(client.get(url)), url


@pytest.fixture
def localize_only_user(client, django_user_model):
    """Someone holding wagtail-localize's global permission but no page permissions: the upstream gap."""
    user = django_user_model.objects.create_user("localizer", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="submit_translation")
    )
    client.force_login(user)
    return client


def test_submitting_a_translation_needs_edit_rights_on_the_page(localize_only_user, built):
    page = built.region
    fi = Locale.objects.get(language_code="fi")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert localize_only_user.get(url).status_code == 403
    assert localize_only_user.post(url, {"locales": [fi.pk]}).status_code == 403


def test_updating_translations_needs_publish_rights_on_the_page(localize_only_user, built_in_english):
    page = built_in_english.region
    source = TranslationSource.objects.get_for_instance(page)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert localize_only_user.get(url).status_code == 403
    assert localize_only_user.post(url, {"publish_translations": "on"}).status_code == 403


def test_submitting_a_snippet_translation_needs_change_rights_on_the_model(localize_only_user, built):
    contact = built.contact
    fi = Locale.objects.get(language_code="fi")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["snippets", "contact", contact.pk])
    assert localize_only_user.get(url).status_code == 403
    assert localize_only_user.post(url, {"locales": [fi.pk]}).status_code == 403
    unknown = reverse("wagtail_localize:submit_snippet_translation", args=["snippets", "nothing", 1])
    assert localize_only_user.get(unknown).status_code == 403


def test_approvers_alone_start_translations():
    holders = {
        name
        for name in (COMMUNICATORS, APPROVERS, TRANSLATORS)
        if Group.objects.get(name=name).permissions.filter(codename="submit_translation").exists()
    }
    assert holders == {APPROVERS}


def page_urls(page):
    return {
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        "move": reverse("wagtailadmin_pages:move", args=[page.pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[page.pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[page.pk]),
        "revert": reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, page.latest_revision_id]),
    }


# Opening the confirmation view of each action on a live Swedish page and on its English translation.
# Unpublishing, moving and deleting change what the public sees, so only approvers may.
PAGE_ACTIONS = {
    COMMUNICATORS: {"unpublish": False, "move": False, "copy": True, "delete": False, "revert": True},
    APPROVERS: {"unpublish": True, "move": True, "copy": True, "delete": True, "revert": True},
    # Translators only translate: on translations what editing allows, and nothing on the Swedish source.
    TRANSLATORS: {"unpublish": False, "move": False, "copy": True, "delete": False, "revert": True},
}


@pytest.mark.parametrize("role", [COMMUNICATORS, APPROVERS, TRANSLATORS])
@pytest.mark.parametrize("code", ["sv", "en"])
def test_page_action_matrix(login, built_in_english, role, code):
    client = login(role)
    page = built_in_english.region
    page = page if code == "sv" else translated(page, code)
    for action, url in page_urls(page).items():
        expected = PAGE_ACTIONS[role][action] and not (role == TRANSLATORS and code == "sv")
        assert allowed(client.get(url)) is expected, (role, code, action)


@pytest.mark.parametrize(("role", "may"), [(COMMUNICATORS, False), (APPROVERS, True)])
def test_only_approvers_unpublish(login, built, role, may):
    client = login(role)
    page = built.region
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    page.refresh_from_db()
    assert page.live is not may


# Unpublishing or deleting a contact takes a number off the site: approvers only (the confirmation
# names the pages that show it and the translations that go with it).
CONTACT_ACTIONS = {
    COMMUNICATORS: {"unpublish": False, "delete": False, "history": True},
    APPROVERS: {"unpublish": True, "delete": True, "history": True},
    TRANSLATORS: {"unpublish": False, "delete": False, "history": True},
}


@pytest.mark.parametrize("role", [COMMUNICATORS, APPROVERS, TRANSLATORS])
@pytest.mark.parametrize("code", ["sv", "en"])
def test_contact_action_matrix(login, built_in_english, role, code):
    client = login(role)
    contact = built_in_english.contact
    contact = contact if code == "sv" else translated(contact, code)
    for action, expected in CONTACT_ACTIONS[role].items():
        url = reverse(Contact.snippet_viewset.get_url_name(action), args=[contact.pk])
        expected = expected and not (role == TRANSLATORS and code == "sv")
        assert allowed(client.get(url)) is expected, (role, code, action)


# Deleting, carried out: what is left of the content in each language afterwards. A Swedish source goes
# with all its translations; a translation goes alone. Only approvers delete anything live.
DELETES = {
    COMMUNICATORS: {"contact": False, "chapter": False},
    APPROVERS: {"contact": True, "chapter": True},
    TRANSLATORS: {"contact": False, "chapter": False},
}


@pytest.mark.parametrize("role", [COMMUNICATORS, APPROVERS, TRANSLATORS])
@pytest.mark.parametrize("code", ["sv", "en"])
@pytest.mark.parametrize("kind", ["contact", "chapter"])
def test_delete_matrix(login, request, role, code, kind):
    client = login(role)
    source = request.getfixturevalue(f"{kind}_everywhere")
    target = source if code == "sv" else translated(source, code)
    model = type(source)
    url = (
        reverse(Contact.snippet_viewset.get_url_name("delete"), args=[target.pk])
        if kind == "contact"
        else reverse("wagtailadmin_pages:delete", args=[target.pk])
    )
    client.post(url)
    left = set(
        model.objects.filter(translation_key=source.translation_key).values_list("locale__language_code", flat=True)
    )
    gone = {"sv", "en", "fi", "ar"} if code == "sv" else {code}
    expected = {"sv", "en", "fi", "ar"} - gone if DELETES[role][kind] else {"sv", "en", "fi", "ar"}
    assert left == expected, (role, kind, code)


def test_asking_for_changes_needs_a_comment_that_the_communicator_sees(client, django_user_model, built):
    communicator = in_group(django_user_model, COMMUNICATORS)
    approver = in_group(django_user_model, APPROVERS)
    page = built.region
    state = submit_for_review(client, communicator, page, "Läget i regionen, förslag")
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", state.current_task_state.pk])

    client.force_login(approver)
    client.post(reject_url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(communicator)  # a communicator cannot decide on their own submission
    client.post(reject_url, {"comment": "Jag godkänner själv."})
    approve_url = reject_url.replace("/reject/", "/approve/")
    client.post(approve_url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(approver)
    client.post(reject_url, {"comment": "Skriv ut vilka orter längs kusten som avses."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert PageLogEntry.objects.filter(page=page, action="wagtail.workflow.reject", user=approver).exists()

    client.force_login(communicator)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Skriv ut vilka orter längs kusten som avses." in history


@pytest.fixture
def chapter_with_a_number_in_finnish(built):
    """A chapter of the built strategy whose text links a phone number, translated into Finnish: the
    number is a value wagtail-localize offers to override."""
    body = rich_text('Ring dagjouren, <a href="tel:+46910735000">0910-73 50 00</a>.')
    chapter = publish(ChapterPageFactory(parent=built.strategy, title="I mötet", body=body))
    translate_into(["fi"], built.strategy, chapter)
    return translated(chapter, "fi")


def admin_rule_urls(client, chapter):
    """The admin paths of the translation, publishing-shortcut and feedback rules, each as a request."""
    translation = Translation.objects.get(source__object_id=chapter.translation_key, target_locale=chapter.locale)
    tel = OverridableSegment.objects.get(source=translation.source, data_json='"tel:+46910735000"')
    override = reverse("wagtail_localize:edit_override", args=[translation.pk, tel.pk])
    form = AccessibilityStatementPage.objects.get(locale__language_code="fi")
    submissions = reverse("wagtailforms:list_submissions", args=[form.pk])
    return {
        "convert to alias": lambda: client.get(reverse("wagtail_localize:convert_to_alias", args=[chapter.pk])),
        "stop synced translation": lambda: client.post(
            reverse("wagtail_localize:stop_translation", args=[translation.pk])
        ),
        "override tel: link": lambda: client.put(
            override, encode_multipart(BOUNDARY, {"value": "tel:112"}), content_type=MULTIPART_CONTENT
        ),
        "forms": lambda: client.get(reverse("wagtailforms:index")),
        "form submissions": lambda: client.get(submissions),
        "export csv": lambda: client.get(submissions + "?export=csv"),
        "export xlsx": lambda: client.get(submissions + "?export=xlsx"),
    }


# Only administrators convert a translation into an alias (it publishes Swedish text unreviewed)
# or stop its synchronisation (its editor would then offer the phone numbers for editing), nobody
# overrides a synchronised value, and only approvers read the public's feedback reports.
ADMIN_RULES = {
    COMMUNICATORS: {"forms": False, "form submissions": False, "export csv": False, "export xlsx": False},
    APPROVERS: {"forms": True, "form submissions": True, "export csv": True, "export xlsx": True},
    TRANSLATORS: {"forms": False, "form submissions": False, "export csv": False, "export xlsx": False},
}


@pytest.mark.parametrize("role", [COMMUNICATORS, APPROVERS, TRANSLATORS])
def test_admin_rules_matrix(login, chapter_with_a_number_in_finnish, role):
    client = login(role)
    for action, request in admin_rule_urls(client, chapter_with_a_number_in_finnish).items():
        expected = ADMIN_RULES[role].get(action, False)
        status = request().status_code
        assert (status == 200) is expected, (role, action, status)
        assert expected or status == 403, (role, action, status)
    assert not Translation.objects.filter(enabled=False).exists()  # every translation still synced
