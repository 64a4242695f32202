import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.models import ChapterPage
from snippets.models import Contact
from tests.content import sv
from tests.factories import ContactFactory, publish, translate

pytestmark = pytest.mark.django_db


def test_a_scheduled_revision_goes_live_with_publish_scheduled(client, built):
    page = built.region
    page.title = "Läget i regionen, schemalagd"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert "Läget i regionen, schemalagd" not in client.get(page.url).content.decode()

    # Time passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=StringIO())
    page.refresh_from_db()
    assert page.title == "Läget i regionen, schemalagd"
    assert "Läget i regionen, schemalagd" in client.get(page.url).content.decode()


def editor(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw", first_name=name.capitalize(), last_name="Test")
    user.groups.add(Group.objects.get(name=group))
    return user


def submit_title(client, page, title, loaded, action="action-submit"):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {
            "title": title,
            "slug": page.slug,
            "body-count": "0",
            "loaded_revision_id": str(loaded.pk),
            "loaded_revision_created_at": loaded.created_at.isoformat(),
            action: "1",
        },
        follow=True,
    )


def test_the_editors_own_autosaves_never_block_a_submit(client, django_user_model, built):
    communicator = editor(django_user_model, "anna", COMMUNICATORS)
    client.force_login(communicator)
    page = built.region
    loaded = page.latest_revision
    # Autosave while the form stays on the revision it was loaded from: a new revision, then overwritten.
    page.title = "Läget i regionen, autosparad"
    autosaved = page.save_revision(user=communicator)
    page.title = "Läget i regionen, autosparad igen"
    page.save_revision(user=communicator, overwrite_revision=autosaved)

    response = submit_title(client, page, "Läget i regionen, inlämnad", loaded)

    assert "nyare version" not in response.content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Läget i regionen, inlämnad"
    assert WorkflowState.objects.active().filter(base_content_type__model="page", object_id=str(page.pk)).exists()


def test_a_colleagues_newer_version_stops_the_submit_but_keeps_the_typed_text(client, django_user_model, built):
    communicator = editor(django_user_model, "anna", COMMUNICATORS)
    approver = editor(django_user_model, "bertil", APPROVERS)
    client.force_login(communicator)
    page = built.region
    loaded = page.latest_revision
    page.title = "Läget i regionen, Bertils version"
    theirs = page.save_revision(user=approver)

    response = submit_title(client, page, "Läget i regionen, Annas version", loaded)

    text = response.content.decode()
    assert "Bertil Test sparade en nyare version" in text
    assert "ingenting publicerades eller lämnades in" in text
    page.refresh_from_db()
    mine = page.latest_revision
    assert page.get_latest_revision_as_object().title == "Läget i regionen, Annas version"
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, theirs.pk, mine.pk])
    assert compare in text
    assert page.revisions.filter(pk=theirs.pk).exists()
    assert not WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()


def test_a_colleagues_newer_version_stops_a_publish(client, django_user_model, built):
    approver = editor(django_user_model, "bertil", APPROVERS)
    client.force_login(approver)
    page = built.region
    loaded = page.latest_revision
    page.title = "Läget i regionen, från paketet"
    page.save_revision()  # the content loader: no user

    response = submit_title(client, page, "Läget i regionen, publicerad?", loaded, action="action-publish")

    assert "Systemet sparade en nyare version" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Läget i regionen"
    assert page.get_latest_revision_as_object().title == "Läget i regionen, publicerad?"


def test_a_contact_saved_after_its_own_autosave_is_submitted(client, django_user_model, built):
    communicator = editor(django_user_model, "anna", COMMUNICATORS)
    client.force_login(communicator)
    contact = built.contact
    loaded = contact.latest_revision
    contact.save_revision(user=communicator)
    url = reverse(Contact.snippet_viewset.get_url_name("edit"), args=[contact.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data |= {
        "name": "24-timmarslinjen, ändrad",
        "loaded_revision_id": str(loaded.pk),
        "loaded_revision_created_at": loaded.created_at.isoformat(),
        "action-submit": "1",
    }
    response = client.post(url, data, follow=True)

    assert "nyare version" not in response.content.decode()
    contact.refresh_from_db()
    assert contact.get_latest_revision_as_object().name == "24-timmarslinjen, ändrad"
    assert contact.workflow_in_progress


def test_reverting_creates_a_draft_and_leaves_the_live_page(admin_client, built):
    page = built.region
    first = page.latest_revision
    page.title = "Läget i regionen, ändrad"
    page.save_revision().publish()
    page.refresh_from_db()
    response = admin_client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))
    assert response.status_code == 200
    assert "Läget i regionen" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Läget i regionen, ändrad"


def test_the_dashboard_lists_content_due_for_review(admin_client, built):
    today = timezone.localdate()
    strategy = built.strategy
    strategy.next_review_date = today - datetime.timedelta(days=1)
    strategy.save_revision().publish()
    # Every other contact was checked today: the contacts due are the two built here.
    sv(Contact).update(verified_on=today)
    ContactFactory(name="Aldrig kontrollerad", verified_on=None)
    ContactFactory(name="Kontrollerad för länge sedan", verified_on=today - datetime.timedelta(days=400))
    ContactFactory(name="Kontrollerad i fjol", verified_on=today - datetime.timedelta(days=364))

    panel = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = panel[panel.index('id="review-reminders-heading"') :]
    panel = panel[: panel.index("</section>")]
    # One line per kind with a count and a link, never one row per contact.
    assert "1 strategi har passerat datumet för uppföljning" in panel
    assert reverse("wagtailadmin_pages:edit", args=[strategy.pk]) in panel
    assert "2 kontakter har inte kontrollerats de senaste 12 månaderna" in panel
    assert "Kontrollerad för länge sedan" not in panel
    assert panel.count("<li>") == 2


@pytest.mark.parametrize(
    ("group", "first"),
    [
        (APPROVERS, "Inväntar din granskning"),
        (COMMUNICATORS, "Ändringar som begärts av dig"),
        (TRANSLATORS, "Översättningar att uppdatera"),
    ],
)
def test_each_role_sees_its_own_work_first_on_the_dashboard(client, django_user_model, built_in_english, group, first):
    communicator = editor(django_user_model, "anna", COMMUNICATORS)
    approver = editor(django_user_model, "bertil", APPROVERS)
    page = built_in_english.region
    # Something in each queue: a submitted page asked to change, another waiting for review, an outdated translation.
    page.title = "Läget i regionen, utkast"
    page.save_revision(user=communicator)
    state = page.get_workflow().start(page, communicator)
    state.current_task_state.task.specific.on_action(
        state.current_task_state, approver, "reject", comment="Skriv om ingressen."
    )
    other = built_in_english.network
    other.save_revision(user=communicator)
    other.get_workflow().start(other, communicator)
    source = built_in_english.work
    source.title = "Arbetssätt i byarna"
    source.save_revision(user=approver).publish()

    user = {APPROVERS: approver, COMMUNICATORS: communicator}.get(group) or editor(django_user_model, "cecilia", group)
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    headings = [" ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]
    work = [
        heading for heading in headings if heading not in {"Kortkommandon", "Sajtsammanställning", user.get_full_name()}
    ]
    assert work[0].startswith(first), headings
    if group == COMMUNICATORS:
        assert "Skriv om ingressen." in html
        assert "Bertil Test begärde ändringarna" in html
    if group != TRANSLATORS:
        assert "Översättningar att uppdatera" not in html
    else:
        assert "kontrollerats de senaste 12 månaderna" not in html
        outdated = ChapterPage.objects.get(translation_key=source.translation_key, locale__language_code="en")
        assert reverse("wagtailadmin_pages:edit", args=[outdated.pk]) in html


def test_publishing_and_unpublishing_are_in_the_audit_log_with_the_user(admin_client, superuser, built):
    page = built.region
    admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Läget i regionen", "slug": page.slug, "body-count": "0", "action-publish": "publish"},
    )
    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})
    actions = set(PageLogEntry.objects.filter(page=page, user=superuser).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish"} <= actions


def test_demo_users_refuse_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("create_demo_users", stdout=StringIO())


def test_demo_users_get_one_role_each(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("create_demo_users", stdout=out)
    assert "Kommunikatörer: user kommunikator" in out.getvalue()
    from django.contrib.auth import get_user_model

    assert list(get_user_model().objects.get(username="granskare").groups.values_list("name", flat=True)) == [
        "Granskare"
    ]


@pytest.fixture
def helpline():
    """A contact with a name no other contact has, in Swedish and Finnish."""
    contact = publish(ContactFactory(name="Stödlinjen Vägvisaren"))
    translate(contact, "fi")
    return contact


def test_a_communicator_finds_a_contact_by_searching_the_listing(client, django_user_model, helpline):
    client.force_login(editor(django_user_model, "anna", COMMUNICATORS))
    response = client.get(reverse(Contact.snippet_viewset.get_url_name("list")), {"q": "Vägvisaren"})
    assert response.status_code == 200
    assert "Stödlinjen Vägvisaren" in response.content.decode()


def test_the_contact_listing_filters_by_language(client, django_user_model, helpline):
    client.force_login(editor(django_user_model, "anna", COMMUNICATORS))
    url = reverse(Contact.snippet_viewset.get_url_name("list"))
    swedish = client.get(url, {"locale": "sv", "q": "Vägvisaren"})
    assert swedish.status_code == 200
    finnish = Contact.objects.get(translation_key=helpline.translation_key, locale__language_code="fi")
    edit = reverse(Contact.snippet_viewset.get_url_name("edit"), args=[finnish.pk])
    assert edit not in swedish.content.decode()
    assert edit in client.get(url, {"locale": "fi", "q": "Vägvisaren"}).content.decode()


def test_the_status_panel_names_who_published_not_who_wrote(client, django_user_model, built):
    communicator = editor(django_user_model, "anna", COMMUNICATORS)
    approver = editor(django_user_model, "bertil", APPROVERS)
    page = built.region
    page.title = "Läget i regionen, granskad"
    revision = page.save_revision(user=communicator)
    revision.publish(user=approver)

    client.force_login(communicator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    status = html[html.index('data-side-panel="status"') :]
    status = status[: status.index("</section>")] if "</section>" in status else status
    published = re.search(r"Publicerad.{0,400}", status, re.S).group(0)
    assert "Bertil Test" in published
    assert "Anna Test" not in published
