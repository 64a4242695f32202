"""Hostile input stored by an editor, a token holder or the package is inert wherever it is shown;
admin posts need CSRF; logins do not redirect off the site."""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from pages.models import ChapterPage, StrategyPage
from snippets.models import Contact
from tests.content import sv

pytestmark = pytest.mark.django_db

SCRIPT = '"><script>alert(1)</script>'
HANDLER = "<img src=x onerror=alert(1)>"
RICH = f'<p>Text</p><script>alert(1)</script><a href="javascript:alert(1)">länk</a>{HANDLER}<p onclick="alert(1)">x</p>'


class LiveMarkup(HTMLParser):
    """What a browser would run: inline scripts, event handlers, javascript: URLs, injected images."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (tag == "script" and "src" not in attrs) or tag == "img":
            self.found.append(tag)
        self.found += [name for name in attrs if name.startswith("on")]
        self.found += [value for value in attrs.values() if (value or "").strip().lower().startswith("javascript:")]


def assert_inert(html):
    parser = LiveMarkup()
    parser.feed(html)
    assert parser.found == []


@pytest.fixture
def hostile():
    strategy = sv(StrategyPage).get()
    chapter = sv(ChapterPage).get(slug="bilaga-2-kontaktuppgifter")
    chapter.title = f"Bilaga {SCRIPT}"
    body = list(chapter.body.raw_data)
    body.insert(0, {"type": "rich_text", "value": RICH, "id": "hostile-rich"})
    body.insert(1, {"type": "contact_table", "value": {"caption": SCRIPT, "contacts": []}, "id": "hostile-table"})
    chapter.body = body
    chapter.save_revision().publish()
    contact = sv(Contact).get(name="KAST")
    contact.name = f"KAST {SCRIPT}"
    contact.description = HANDLER
    contact.in_emergency_banner = True
    contact.save_revision().publish()
    strategy.intro = RICH
    strategy.save_revision().publish()
    return strategy, sv(ChapterPage).get(pk=chapter.pk), contact


def test_the_public_site_shows_hostile_text_as_text(client, hostile):
    strategy, chapter, _contact = hostile
    for url in (chapter.url, strategy.url, strategy.url + "hela-strategin/", "/sv/sok/?q=KAST", "/sitemap.xml"):
        html = client.get(url).content.decode()
        assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(chapter.url).content.decode()


def test_the_api_cleans_rich_text_and_serves_json_that_browsers_will_not_sniff(client, hostile):
    strategy, _chapter, _contact = hostile
    response = client.get(f"/api/v3/strategies/{strategy.pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert_inert(response.json()["intro"])
    # Plain text stays text, for consumers to escape as they show it.
    assert client.get(f"/api/v3/contacts/{_contact.pk}/").json()["name"] == f"KAST {SCRIPT}"


def test_admin_listings_and_editors_escape_it(admin_client, hostile):
    _strategy, chapter, _contact = hostile
    for url in (
        reverse("wagtailsnippets_snippets_contact:list"),
        reverse("wagtailadmin_explore", args=[chapter.get_parent().pk]),
        reverse("wagtailadmin_pages:delete", args=[chapter.pk]),
    ):
        html = admin_client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html, url


def test_admin_messages_escape_it(admin_client, hostile):
    _strategy, chapter, contact = hostile
    for url in (
        reverse("wagtailadmin_pages:unpublish", args=[chapter.pk]),
        reverse("wagtailsnippets_snippets_contact:unpublish", args=[contact.pk]),
    ):
        html = admin_client.post(url, follow=True).content.decode()
        # The title shows in the message ("… unpublished"), as text.
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
        assert "<script>alert(1)</script>" not in html, url


def test_javascript_urls_are_refused_with_a_message_and_nothing_saved():
    contact = sv(Contact).get(name="Mikamottagningen")
    contact.url = "javascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "url" in error.value.message_dict
    assert sv(Contact).get(pk=contact.pk).url != "javascript:alert(1)"


def test_admin_posts_need_a_csrf_token(superuser):
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    chapter = sv(ChapterPage).get(slug="aktorer")
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[chapter.pk]))
    assert response.status_code == 403
    assert sv(ChapterPage).get(pk=chapter.pk).live


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_login_does_not_redirect_off_the_site(client, superuser, target):
    superuser.set_password("pw-for-redirect")
    superuser.save()
    response = client.post(
        reverse("wagtailadmin_login") + f"?next={target}",
        {"username": "root", "password": "pw-for-redirect", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
