"""Issue 17.14: a front-end developer opens /api/v3/docs/, reads every operation and tries one; the page
loads nothing from another origin and runs under a Content-Security-Policy."""

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import public_text

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [375, 1280])
def test_the_docs_render_every_operation_from_the_sites_own_files(browser, server, width):
    document = json.loads(public_text(server, "/api/v3/openapi.json"))
    operations = sum(len(methods) for methods in document["paths"].values())

    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900})
    page = context.new_page()
    requests, violations = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: violations.append(message.text) if message.type == "error" else None)
    response = page.goto(f"{server}/api/v3/docs/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]

    page.wait_for_selector(".opblock")
    page.wait_for_function(f"document.querySelectorAll('.opblock').length === {operations}")
    assert page.locator(".opblock-summary-path", has_text="/api/v3/strategies/{id}/").count() == 1
    assert page.locator(".opblock-summary-path", has_text="/api/v3/locales/").count() == 1

    # Try the locales operation as a reader would: open it, "Try it out", "Execute".
    operation = page.locator(".opblock", has=page.locator(".opblock-summary-path", has_text="/api/v3/locales/"))
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    # The live answer, below the curl line Swagger UI shows for the request.
    expect(operation.locator(".live-responses-table")).to_contain_text('"direction": "rtl"')
    page.screenshot(path=f"test-results/api-docs-{width}.png", full_page=False)

    origins = {urlsplit(url).netloc for url in requests if not url.startswith("data:")}
    assert origins == {urlsplit(server).netloc}, requests
    assert any("/static/ninja/swagger-ui-bundle" in url for url in requests)
    assert not [text for text in violations if "Content Security Policy" in text], violations
    context.close()
