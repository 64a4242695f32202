"""Issue 17.1: a front-end that knows only the URL the site serves finds the page behind it."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[3] / "README.md"


def find(client, html_path, **extra):
    return client.get("/api/v3/pages/find/", {"html_path": html_path, **extra})


def test_every_live_page_of_every_locale_is_found_by_the_path_the_site_serves(client, public_site):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    served = {}
    for page in pages:
        url = page.get_url()
        # The site answers there: the path really is one it serves.
        assert public_site[url][1].status_code == 200, url
        served[url] = page.pk
    assert {url.split("/")[1] for url in served} == {"sv", "en", "fi", "ar"}
    assert len(served) == pages.count()

    for url, pk in served.items():
        response = find(client, url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailapi_v3:detail_page", kwargs={"page_id": pk}), url
        detail = client.get(response["Location"])
        assert detail.status_code == 200, url
        assert detail.json()["id"] == pk
        assert detail.json()["meta"]["locale"] == url.split("/")[1]


def test_the_readme_example_finds_the_swedish_strategy(client, shipped_strategy):
    example = re.search(r"pages/find/\?html_path=(\S+?)'", README.read_text())
    response = find(client, example.group(1))
    assert response.status_code == 302
    assert client.get(response["Location"]).json()["title"] == shipped_strategy.title


def test_other_parameters_are_kept_in_the_redirect(client, built):
    strategy = built.strategy
    response = find(client, strategy.get_url(), version="draft")
    assert response["Location"] == f"/api/v3/pages/{strategy.pk}/?version=draft"


@pytest.mark.parametrize("path", ["/sv/finns-inte/", "/xx/", "/en/strategi-mot-prostitution/nope/", "/ar/x/y/"])
def test_a_path_the_site_does_not_serve_is_a_404_problem(client, path):
    response = find(client, path)
    assert response.status_code == 404, path
    assert response["Content-Type"] == "application/problem+json"


def test_an_unpublished_or_private_page_is_not_found(client, built):
    unpublished, private = built.background, built.work
    assert find(client, private.get_url()).status_code == 302
    urls = [unpublished.get_url(), private.get_url()]
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    for url in urls:
        assert find(client, url).status_code == 404, url
