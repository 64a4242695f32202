"""A warm anonymous read needs no Wagtail site (the caches answer first), and a changed site is
seen on the next request all the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

pytestmark = pytest.mark.django_db

OTHER_HOST = "annan.example.org"


def site_queries(client, path, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return [query["sql"] for query in captured if '"wagtailcore_site"' in query["sql"]], response


def test_warm_anonymous_reads_do_not_look_the_site_up(client, settings, built):
    settings.PUBLIC_PAGE_CACHE = True  # as in production; the test settings turn it off
    chapter = built.work
    for path in (chapter.url, f"/api/v3/pages/{chapter.pk}/"):
        client.get(path)
        queries, _response = site_queries(client, path)
        assert queries == [], path


def test_a_new_site_serves_its_host_on_the_next_request(client, settings, built):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, OTHER_HOST]
    strategy = built.strategy
    _queries, before = site_queries(client, "/sv/", HTTP_HOST=OTHER_HOST)
    assert f"<h1>{strategy.title}</h1>" not in before.content.decode()

    site = Site.objects.create(hostname=OTHER_HOST, port=80, root_page=strategy, site_name="Annan")
    _queries, after = site_queries(client, "/sv/", HTTP_HOST=OTHER_HOST)
    assert f"<h1>{strategy.title}</h1>" in after.content.decode()

    site.delete()
    _queries, gone = site_queries(client, "/sv/", HTTP_HOST=OTHER_HOST)
    assert gone.content == before.content


def test_editors_look_the_site_up_afresh(admin_client, built):
    chapter = built.work
    admin_client.get(chapter.url)
    queries, _response = site_queries(admin_client, chapter.url)
    assert queries


def test_a_new_site_address_is_in_page_links_on_the_next_request(client, built):
    # Page links are built from the site root paths, which anonymous reads also reuse per content version.
    chapter = built.work
    detail = f"/api/v3/pages/{chapter.pk}/"
    before = client.get(detail).json()["meta"]["html_url"]
    assert not before.startswith("https://ny.example.se/")

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "ny.example.se", 443
    site.save()
    assert client.get(detail).json()["meta"]["html_url"] == f"https://ny.example.se{chapter.url}"
    canonical = f'<link rel="canonical" href="https://ny.example.se{chapter.url}"'
    assert canonical in client.get(chapter.url).content.decode()
