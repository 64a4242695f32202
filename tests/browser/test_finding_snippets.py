"""A communicator finds a contact or an actor by the first letters of its name, as people type."""

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("listing", "typed", "found"),
    [
        ("contact", "Mikamott", "Mikamottagningen"),
        ("actor", "Polis", "Polisen"),
        ("contact", "Socialber", "Socialberedskap"),
    ],
)
def test_communicator_finds_a_snippet_by_the_start_of_its_name(server, login, listing, typed, found):
    communicator = login("kommunikator", locale="en-US")
    communicator.goto(f"{server}/admin/snippets/snippets/{listing}/?locale=sv")
    rows = communicator.locator("table tbody tr")
    everything = rows.count()
    communicator.locator("#id_q").fill(typed)
    # Wagtail searches as the person types, and names the search in the address once it has replaced
    # the listing with the answer.
    communicator.wait_for_url(re.compile(rf"[?&]q={typed}(&|$)"), timeout=20_000)
    communicator.locator("table").get_by_role("link", name=found, exact=True).first.wait_for()
    assert 1 <= rows.count() < everything
