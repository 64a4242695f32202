"""Numbers, dates, paragraph references and addresses are isolated left to right in the markup.
The layout itself is measured in tests/browser/test_reading.py."""

import re

import pytest

from cms.sanitize import render_rich_text
from pages.bidi import isolate_links
from pages.models import StrategyPage
from tests.factories import publish
from tests.site_text import read


def test_links_without_right_to_left_letters_read_left_to_right():
    html = (
        '<p>اتصل <a href="tel:+46910735000">0910-73 50 00</a> أو '
        '<a href="https://www.skelleftea.se/orsanmalan">Orosanmälan (skelleftea.se)</a> '
        '<a href="mailto:a@example.se"><b>a@example.se</b></a> '
        '<a href="https://example.se/">الموقع</a></p>'
    )
    assert isolate_links(html) == (
        '<p>اتصل <a href="tel:+46910735000" dir="ltr">0910-73 50 00</a> أو '
        '<a href="https://www.skelleftea.se/orsanmalan" dir="ltr">Orosanmälan (skelleftea.se)</a> '
        '<a href="mailto:a@example.se" dir="ltr"><b>a@example.se</b></a> '
        '<a href="https://example.se/">الموقع</a></p>'
    )


def test_rich_text_isolates_its_links_after_cleaning_and_keeps_a_given_direction():
    rendered = render_rich_text(
        '<p><a href="tel:112" onclick="x()">112</a> <a href="tel:11414" dir="rtl">114 14</a>'
        ' <a href="https://a.se/?q=&quot;&gt;">a.se</a></p>'
    )
    assert '<a href="tel:112" dir="ltr">112</a>' in rendered
    assert rendered.count('dir="ltr"') == 3 and "onclick" not in rendered
    assert 'dir="rtl"' not in rendered  # editors' own dir attributes do not survive cleaning


@pytest.mark.django_db
def test_arabic_pages_isolate_every_number_date_and_address(client):
    strategy = StrategyPage.objects.get(locale__language_code="ar")
    for path in (strategy.url, strategy.url + strategy.whole_strategy_path):
        html = client.get(path).content.decode()
        links = re.findall(r"<a [^>]*>", html)
        tel = [link for link in links if 'href="tel:' in link]
        assert tel and all('dir="ltr"' in link for link in tel), path
        assert all('dir="ltr"' in tag for tag in re.findall(r"<time [^>]*>", html)), path
        assert '<bdi dir="ltr">§ 24</bdi>' in html
        assert '<bdi dir="ltr">2023-01-31</bdi>' in html


@pytest.mark.django_db
def test_the_decision_reads_as_before_in_swedish(client, built):
    strategy = built.strategy
    strategy.decision_paragraph = "§ 24"
    publish(strategy)
    html = client.get(strategy.url).content.decode()
    assert "Fastställt av Kommunfullmäktige 2023-01-31 § 24" in read(html).text
