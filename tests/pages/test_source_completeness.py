"""Everything of the source document is on the public site: checked against the source itself, not the data file."""

import re

import pytest

from snippets.models import Actor, IndicatorCategory
from tests.content import sv
from tests.site_text import normalise, read
from tests.source_document import read_source

pytestmark = pytest.mark.django_db

# Facts of the Swedish numbering plan, written out by hand: the leading 0 becomes +46; short codes stay as dialled.
SOURCE_NUMBERS_DIALLED = {
    "020-61 60 60": "+4620616060",
    "0910-71 79 09": "+46910717909",
    "114 14": "11414",
    "0910-73 50 00": "+46910735000",
    "112": "112",
    "020-39 00 00": "+4620390000",
    "010-485 86 56": "+46104858656",
    "090-785 93 94": "+46907859394",
    "090-785 65 67": "+46907856567",
    "020-35 40 40": "+4620354040",
    "020-32 73 28": "+4620327328",
    "08-508 255 01": "+46850825501",
    "020-66 77 88": "+4620667788",
}


@pytest.fixture(scope="module")
def source():
    return read_source()


@pytest.fixture
def site(public_site):
    """All live pages as a reader sees them."""
    readers = []
    for page, response in public_site.values():
        if page is None:
            continue
        assert response.status_code == 200, page.url
        readers.append(read(response.content.decode()))
    return readers


def found(fragment, text):
    # A contact card shows "Asta mottagningen" and "Umeås specialisthjälp via psykiatri" as two lines
    # where the source wrote them as one; each comma-separated part must then be there.
    wanted = normalise(fragment)
    return wanted in text or all(normalise(part) in text for part in fragment.split(",") if part.strip())


def test_every_source_fragment_is_on_the_site(source, site):
    text = normalise("\n".join(reader.text for reader in site))
    missing = [(line, fragment) for line, fragment in source.fragments if not found(fragment, text)]
    assert len(source.fragments) > 250
    assert missing == []


def test_every_heading_of_the_table_of_contents_is_a_heading_on_the_site(source, site):
    headings = {normalise(text) for reader in site for _level, text in reader.headings}
    assert [h for h in source.headings if normalise(h) not in headings] == []


def test_every_link_of_the_source_is_on_the_site(source, site):
    hrefs = {href for reader in site for href, _text in reader.links}
    assert [(line, href) for line, href in source.links if href not in hrefs] == []


def test_every_phone_number_of_the_source_is_a_tel_link_dialling_it(source, site):
    tel_links = {(text, href) for reader in site for href, text in reader.links if href.startswith("tel:")}
    printed = {number for _line, number in source.phones}
    assert printed == set(SOURCE_NUMBERS_DIALLED)
    for number in printed:
        assert (number, f"tel:{SOURCE_NUMBERS_DIALLED[number]}") in tel_links, number


def test_no_page_break_fragments_are_left(site):
    text = normalise("\n".join(reader.text for reader in site))
    for sentence in ["De som gjort övergrepp via köp av sex", "En svårighet kan vara att urskilja"]:
        assert normalise(sentence) in text


def test_indicator_counts_match_the_source():
    counts = {c.name: c.indicators.count() for c in sv(IndicatorCategory).filter(live=True)}
    assert counts == {"Människohandel": 7, "Prostitution": 6, "Köp av sexuella tjänster": 3}


def test_every_actor_has_the_activities_of_bilaga_1(source):
    """Bilaga 1 read straight from the source's table: each row's bullets, in order, are the actor's."""
    table = source_path_rows()
    for label, ongoing, future in table:
        actor = next(a for a in sv(Actor).filter(live=True).select_related("parent") if str(a) == label)
        assert [r.text for r in actor.ongoing()] == ongoing, label
        assert [r.text for r in actor.future()] == future, label


def source_path_rows():
    from tests.source_document import SOURCE

    rows = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) != 3 or "<li>" not in line:
            continue
        label = re.sub(r"<[^>]+>", "", cells[0]).strip()
        ongoing, future = ([re.sub(r"^•\s*", "", i) for i in re.findall(r"<li>(.*?)</li>", c)] for c in cells[1:])
        if label:
            rows.append((label, ongoing, future))
        else:  # the PDF's page break split the row above over two table rows
            rows[-1] = (rows[-1][0], rows[-1][1] + ongoing, rows[-1][2] + future)
    assert len(rows) == 8  # every actor with activities; Skellefteå kommun itself has no row
    return rows
