"""Every curl example in the README's API section, run against the API with the strategy loaded."""

import gzip
import re
import shlex
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[3] / "README.md"
HOST = "http://127.0.0.1:8000"


def examples():
    section = README.read_text().split("## JSON API", 1)[1].split("\n## ", 1)[0]
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        for line in block.splitlines():
            if line.startswith("curl "):
                yield line


def run(client, line, token, etags):
    """What curl would get; `-> NNN` in a line's comment is the status it expects instead of success."""
    expected = re.search(r"# -> (\d{3})", line)
    words = shlex.split(line, comments=True)[1:]
    headers, urls, method, follow, compressed = {}, [], "GET", False, False
    while words:
        word = words.pop(0)
        if word == "-H":
            name, value = words.pop(0).split(": ", 1)
            headers[name] = value.replace("<token>", token)
        elif word.startswith("-") and not word.startswith("--"):
            method = "HEAD" if "I" in word else method
            follow = follow or "L" in word
        elif word == "--compressed":
            compressed = True
        else:
            urls.append(word)
    assert urls, line
    for url in urls:
        assert url.startswith(HOST), url
        path = url.removeprefix(HOST)
        if headers.get("If-None-Match", "").startswith("<"):
            headers["If-None-Match"] = etags[path]
        if compressed:
            headers["Accept-Encoding"] = "gzip"
        response = getattr(client, method.lower())(path, headers=headers, follow=follow)
        if expected:
            assert response.status_code == int(expected.group(1)), line
            assert response["Content-Type"] == "application/problem+json"
            continue
        assert response.status_code in (200, 304), (line, response.status_code)
        if response.status_code == 200:
            etags[path] = response.get("ETag")
            if method == "GET":
                body = gzip.decompress(response.content) if compressed else response.content
                assert body.strip().startswith((b"{", b"[")), line
        else:
            assert headers.get("If-None-Match"), line


def test_the_readme_has_curl_examples():
    assert len(list(examples())) >= 15


def test_every_curl_example_answers(superuser, token_for):
    token = token_for(superuser)["Authorization"].removeprefix("Bearer ")
    client, etags = Client(), {}
    for line in examples():
        run(client, line, token, etags)
