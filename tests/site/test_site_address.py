"""SITE_BASE_URL puts the public address on the Wagtail site, so absolute links never name localhost."""

from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command
from wagtail.models import Site

from pages.models import ChapterPage
from tests.content import sv

pytestmark = pytest.mark.django_db


def load(settings, url):
    settings.SITE_BASE_URL = url
    call_command("load_strategy", stdout=StringIO())


def test_the_public_address_reaches_canonical_links_and_the_sitemap(client, settings):
    load(settings, "https://strategi.example.se")
    settings.ALLOWED_HOSTS = ["strategi.example.se"]
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("strategi.example.se", 443)

    chapter = sv(ChapterPage).get(slug="aktorer")
    html = client.get(chapter.url, HTTP_HOST="strategi.example.se").content.decode()
    assert f'<link rel="canonical" href="https://strategi.example.se{chapter.url}">' in html
    sitemap = client.get("/sitemap.xml", HTTP_HOST="strategi.example.se").content.decode()
    assert f"<loc>https://strategi.example.se{chapter.url}</loc>" in sitemap
    assert "localhost" not in sitemap


def test_a_second_load_leaves_the_site_alone_and_an_unset_address_keeps_an_edited_one(settings):
    load(settings, "http://strategi.example.se:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("strategi.example.se", 8080)

    Site.objects.filter(pk=site.pk).update(hostname="redigerad.example.se")
    load(settings, "")
    assert Site.objects.get(pk=site.pk).hostname == "redigerad.example.se"


@pytest.mark.parametrize(
    "url", ["strategi.example.se", "ftp://strategi.example.se", "https://", "https://strategi.example.se/sv/"]
)
def test_a_malformed_address_stops_every_command_with_a_clear_error(settings, url):
    settings.SITE_BASE_URL = url
    errors = [message for message in checks.run_checks() if message.id == "cms.E001"]
    assert len(errors) == 1 and "SITE_BASE_URL must" in errors[0].msg
    with pytest.raises(Exception, match="SITE_BASE_URL must"):
        call_command("load_strategy", stdout=StringIO())


def test_a_deployment_without_an_address_is_warned(settings):
    settings.SITE_BASE_URL = ""
    warnings = checks.run_checks(include_deployment_checks=True)
    assert "cms.W001" in {message.id for message in warnings}


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("http://127.0.0.1:8000", True),
        ("http://localhost", True),
        ("/admin/", True),
        ("", True),
        ("https://strategi.skelleftea.se", False),
    ],
)
def test_a_deployment_whose_emails_would_link_to_this_machine_is_warned(settings, url, warned):
    # Wagtail's review notifications to approvers link to the admin at WAGTAILADMIN_BASE_URL.
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = url
    warnings = [m for m in checks.run_checks(include_deployment_checks=True) if m.id == "cms.W002"]
    assert bool(warnings) == warned
