"""A communicator finds a contact or an actor by the first letters of its name, as people type."""

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
    search = communicator.locator("#id_q")
    search.fill(typed)
    # Wagtail searches as the person types; the listing is replaced when the answer comes.
    communicator.locator("table").get_by_role("link", name=found, exact=True).first.wait_for(timeout=20_000)
    assert communicator.locator("table tbody tr").count() >= 1
