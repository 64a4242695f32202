"""What every public response promises someone who may be watched: no cookies, no referrer, nothing
loaded from elsewhere, a way out on every page, and help numbers from the contacts."""

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from pages.models import AccessibilityStatementPage, SafetyAdvicePage
from snippets.models import Contact
from tests.content import sv
from tests.site_text import live_pages, read

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def public_responses(public_site):
    paths = [page.url for page in live_pages()]
    paths += ["/sv/sok/?q=polisen", "/en/search/?q=police", "/sv/finns-inte/", "/sitemap.xml", "/robots.txt"]
    return [(path, public_site[path][1]) for path in paths]


def test_no_public_response_sets_a_cookie(public_responses):
    with_cookies = [path for path, response in public_responses if response.cookies]
    assert with_cookies == []


def test_the_feedback_form_sets_no_cookie_and_sends_no_referrer_before_or_after_a_report(client):
    statement = sv(AccessibilityStatementPage).get()
    response = client.get(statement.url)
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"
    field = statement.form_fields.get(field_type="multiline").clean_name
    posted = client.post(statement.url, {field: "Länken går inte att nå."})
    assert "Tack för att du hjälper oss" in posted.content.decode()
    assert not posted.cookies
    assert posted["Referrer-Policy"] == "no-referrer"


def test_public_responses_carry_the_security_headers(public_responses):
    for path, response in public_responses:
        csp = {}
        for directive in response["Content-Security-Policy"].split(";"):
            name, _, value = directive.strip().partition(" ")
            csp[name] = value
        assert csp["script-src"] == "'self'", path
        assert "unsafe-inline" not in response["Content-Security-Policy"], path
        assert (csp["object-src"], csp["base-uri"], csp["frame-ancestors"]) == ("'none'", "'none'", "'none'"), path
        assert csp["default-src"] == "'self'", path
        assert response["Referrer-Policy"] == "no-referrer", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_keeps_a_referrer_its_csrf_check_needs(client):
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"


def test_production_settings_pass_the_deploy_check_including_hsts():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-throwaway-key-only-for-this-check-" + "x" * 40,
        "ALLOWED_HOSTS": "example.org",
        "SITE_BASE_URL": "https://example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    show = "from django.conf import settings as s; print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    shown = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", show],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, redirect = shown.stdout.split()[-2:]
    assert int(seconds) >= 31_536_000 and redirect == "True"


def test_every_public_page_starts_with_the_quick_exit_and_links_the_safety_advice(public_responses):
    advice = sv(SafetyAdvicePage).get()
    for path, response in public_responses:
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        body = re.split(r"<body[^>]*>", html, maxsplit=1)[1]
        first_link = re.search(r"<a [^>]*>", body).group(0)
        assert f'href="{settings.QUICK_EXIT_URL}"' in first_link and "data-quick-exit" in first_link, path
        assert re.search(r'class="quick-exit-help" href="[^"]+"', body), path
        if path.startswith("/sv/"):
            assert f'class="quick-exit-help" href="{advice.url}"' in body, path


def test_the_quick_exit_script_is_a_file_not_inline(client):
    html = client.get("/sv/").content.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert re.search(r'<script src="/static/js/quick-exit\.js" defer>', html)


def test_the_emergency_banner_shows_the_flagged_contacts_as_they_are_published(client, built):
    def banner():
        html = client.get("/sv/").content.decode()
        if 'class="emergency"' not in html:
            return []
        return read(html.split('class="emergency"', 1)[1].split("</aside>", 1)[0]).links

    assert banner() == [("tel:112", "112"), ("tel:11414", "114 14")]
    police = sv(Contact).get(phone="114 14", in_emergency_banner=True)
    police.unpublish()
    assert banner() == [("tel:112", "112")]
    flagged = built.contact
    flagged.in_emergency_banner = True
    flagged.save_revision().publish()
    assert ("tel:+4620616060", "020-61 60 60") in banner()


def test_the_emergency_banner_is_translated_with_the_contacts(client):
    english = client.get("/en/").content.decode()
    section = english.split('class="emergency"', 1)[1].split("</aside>", 1)[0]
    # Each flagged contact shows its banner words, or without them its name (tests/site/test_emergency_banner.py).
    words = {
        contact.banner_label or contact.name
        for contact in Contact.objects.filter(locale__language_code="en", in_emergency_banner=True)
    }
    assert words and all(text in section for text in words)


def gzipped_size(paths):
    return sum(len(gzip.compress(Path(finders.find(path)).read_bytes(), 9)) for path in paths)


def test_the_site_ships_under_10_kb_of_javascript_and_30_kb_of_css_gzipped(client):
    html = client.get("/sv/").content.decode()
    scripts = re.findall(r'<script src="/static/([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert scripts and styles
    assert gzipped_size(scripts) < 10 * 1024
    assert gzipped_size(styles) < 30 * 1024


def test_nothing_in_the_templates_or_styles_loads_from_another_origin():
    sources = [*ROOT.glob("*/templates/**/*.html"), *ROOT.glob("cms/static/**/*.css"), *ROOT.glob("cms/static/**/*.js")]
    loads = re.compile(r'(?:src=|@import|url\()\s*["\']?(?:https?:)?//', re.IGNORECASE)
    assert [str(path) for path in sources if loads.search(path.read_text())] == []


def test_production_settings_refuse_to_start_without_a_shared_cache():
    """Without Redis each process would keep its own content version and serve answers a publish
    in another process made stale (issue: freshness is shared)."""
    env = {
        **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "a-throwaway-key-only-for-this-check-" + "x" * 40,
        "ALLOWED_HOSTS": "example.org",
        "SITE_BASE_URL": "https://example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "REDIS_URL is required in production" in result.stderr
