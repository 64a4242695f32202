import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db


def test_a_scheduled_revision_goes_live_with_publish_scheduled(client):
    page = sv(ChapterPage).get(slug="norrland")
    page.title = "Norrland, schemalagd"
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    assert "Norrland, schemalagd" not in client.get(page.url).content.decode()

    # Time passes: the scheduled moment is now in the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled", stdout=StringIO())
    page.refresh_from_db()
    assert page.title == "Norrland, schemalagd"
    assert "Norrland, schemalagd" in client.get(page.url).content.decode()


def test_a_second_editor_cannot_silently_overwrite_the_first(admin_client):
    page = sv(ChapterPage).get(slug="norrland")
    loaded = str(page.latest_revision_id)
    page.title = "Norrland, första redaktören"
    page.save_revision()

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Norrland, andra redaktören", "slug": page.slug, "body-count": "0", "loaded_revision_id": loaded},
        follow=True,
    )
    assert "Någon annan sparade en nyare version" in response.content.decode() or "newer version" in (
        response.content.decode()
    )
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Norrland, första redaktören"


def test_reverting_creates_a_draft_and_leaves_the_live_page(admin_client):
    page = sv(ChapterPage).get(slug="norrland")
    first = page.latest_revision
    page.title = "Norrland, ändrad"
    page.save_revision().publish()
    page.refresh_from_db()
    response = admin_client.get(reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]))
    assert response.status_code == 200
    assert "Norrland" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "Norrland, ändrad"


def test_the_dashboard_lists_content_due_for_review(admin_client):
    strategy = sv(StrategyPage).get()
    strategy.next_review_date = timezone.localdate() - datetime.timedelta(days=1)
    strategy.save_revision().publish()
    verified = sv(Contact).get(name="Mikamottagningen")
    verified.verified_on = timezone.localdate()
    verified.save()
    stale = sv(Contact).get(name="KAST")
    stale.verified_on = timezone.localdate() - datetime.timedelta(days=400)
    stale.save()

    panel = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    panel = panel[panel.index('id="review-reminders-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert strategy.title in panel
    assert "KAST" in panel
    assert "Mikamottagningen" not in panel


def test_publishing_and_unpublishing_are_in_the_audit_log_with_the_user(admin_client, superuser):
    page = sv(ChapterPage).get(slug="norrland")
    admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Norrland", "slug": page.slug, "body-count": "0", "action-publish": "publish"},
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
