"""The home page says what the site is and lists the strategies; every page's footer carries the
municipality's contact details from the site setting communicators edit."""

from io import StringIO

import polib
import pytest
import yaml
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.management import CommandError, call_command
from wagtail.models import Site

from cms.contact_details import MunicipalityContactDetails
from cms.roles import APPROVERS, COMMUNICATORS, TRANSLATORS
from pages.content_package.reader import DEFAULT_PATH
from pages.content_package.translations import LOCALE_DIR
from pages.models import HomePage, StrategyPage

pytestmark = pytest.mark.django_db

PACKAGE = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
EDIT_URL = "/admin/settings/cms/municipalitycontactdetails/{}/"


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def shipped(code, context):
    """The shipped translation of a packaged text (the package itself for Swedish)."""
    po = polib.pofile(str(LOCALE_DIR / f"{code}.po"))
    return next(entry.msgstr for entry in po if entry.msgctxt == context)


def footer(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return html.select_one("footer address.municipality")


def details():
    return MunicipalityContactDetails.objects.get(site=Site.objects.get(is_default_site=True))


@pytest.mark.parametrize("code", ["sv", "en", "fi", "ar"])
def test_the_home_page_says_what_the_site_is_and_lists_each_strategy_with_its_decision(client, code):
    home = HomePage.objects.get(locale__language_code=code)
    html = client.get(home.url).content.decode()
    intro = PACKAGE["home"]["intro"] if code == "sv" else f"<p>{shipped(code, 'page:home|intro')}</p>"
    assert text_of(intro) in text_of(html)
    strategy = StrategyPage.objects.get(locale__language_code=code)
    summary = PACKAGE["strategy"]["summary"] if code == "sv" else shipped(code, "page:strategy|summary")
    item = BeautifulSoup(html, "html.parser").select_one(".strategy-list li")
    assert item.select_one("a")["href"] == strategy.url
    assert text_of(str(item.select_one(".strategy-list__summary"))) == summary
    decision = text_of(str(item.select_one(".decision")))
    assert "Kommunfullmäktige" in decision and "2023-01-31" in decision and "§ 24" in decision


def test_every_kind_of_page_shows_the_shipped_contact_details_in_its_footer(client, built):
    chapter = built.work
    for url in ["/sv/", chapter.url, "/sv/sok/?q=polisen", "/ar/", "/sv/finns-inte/"]:
        address = footer(client, url)
        assert address is not None, url
        text = text_of(str(address))
        for value in PACKAGE["municipality"].values():
            assert value in text, (url, value)
        assert address.select_one('a[href="tel:+46910735000"]')["dir"] == "ltr"
        assert address.select_one('a[href="mailto:kommun@skelleftea.se"]')["dir"] == "ltr"
    # The words around the values are in the page's language.
    assert "Växel" in text_of(str(footer(client, "/sv/")))
    assert "Switchboard" in text_of(str(footer(client, "/en/")))


def test_the_footer_shows_nothing_for_details_nobody_has_filled_in(client):
    MunicipalityContactDetails.objects.all().delete()
    assert footer(client, "/sv/") is None
    # Reading the page creates no row: the loader fills the setting, a public request never writes.
    assert not MunicipalityContactDetails.objects.exists()


def load(path=DEFAULT_PATH):
    out = StringIO()
    call_command("load_strategy", file=str(path), stdout=out)
    return out.getvalue()


def test_the_loader_fills_empty_details_and_keeps_what_an_editor_set():
    assert details().phone == "0910-73 50 00"
    row = details()
    row.phone, row.email = "0910-73 50 01", ""
    row.save()
    load()
    row = details()
    # The communicator's number stays; the emptied e-mail address is filled in again.
    assert (row.phone, row.email) == ("0910-73 50 01", "kommun@skelleftea.se")
    assert "Done: 0 created, 0 updated" in load()


def test_a_package_with_a_wrong_switchboard_number_is_refused(tmp_path):
    package = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    package["municipality"]["phone"] = "0910-73 50 00 växel"
    package["municipality"]["fax"] = "0910-123"
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(package, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load(path)
    assert "municipality.phone" in str(error.value)
    assert "municipality.fax: not a field" in str(error.value)


def in_group(django_user_model, name):
    user = django_user_model.objects.create_user(f"user-{name}", password="pw")
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.mark.parametrize(("role", "may"), [(COMMUNICATORS, True), (APPROVERS, True), (TRANSLATORS, False)])
def test_communicators_and_approvers_edit_the_details_and_translators_do_not(client, django_user_model, role, may):
    client.force_login(in_group(django_user_model, role))
    url = EDIT_URL.format(Site.objects.get(is_default_site=True).pk)
    assert (client.get(url).status_code == 200) is may
    response = client.post(
        url,
        {
            "name": "Skellefteå kommun",
            "postal_address": "Box 1\n931 85 Skellefteå",
            "phone": "0910-73 60 00",
            "email": "",
        },
    )
    assert (details().phone == "0910-73 60 00") is may
    if not may:
        assert response.status_code in (302, 403)
    else:
        # Wagtail's "… uppdaterad." does not agree with a plural name in Swedish.
        said = [str(message).strip() for message in get_messages(response.wsgi_request)]
        assert said == ["Kommunens kontaktuppgifter har sparats."]


def test_a_wrong_number_is_refused_in_swedish_and_nothing_is_saved(client, django_user_model):
    client.force_login(in_group(django_user_model, COMMUNICATORS))
    url = EDIT_URL.format(Site.objects.get(is_default_site=True).pk)
    response = client.post(
        url, {"name": "Skellefteå kommun", "postal_address": "Ny adress", "phone": "ring växeln", "email": "x@y.se"}
    )
    assert response.status_code == 200
    assert "är inte ett giltigt svenskt telefonnummer" in response.content.decode()
    assert (details().postal_address, details().email) == ("931 85 Skellefteå", "kommun@skelleftea.se")


def test_a_change_shows_in_the_footer_at_once_even_from_the_page_cache(client, django_user_model, settings):
    settings.PUBLIC_PAGE_CACHE = True
    cache.clear()
    assert "931 85 Skellefteå" in text_of(str(footer(client, "/sv/")))
    editor = client.__class__()
    editor.force_login(in_group(django_user_model, COMMUNICATORS))
    editor.post(
        EDIT_URL.format(Site.objects.get(is_default_site=True).pk),
        {"name": "Skellefteå kommun", "postal_address": "Box 2\n931 85 Skellefteå", "phone": "0910-73 50 00"},
    )
    assert "Box 2" in text_of(str(footer(client, "/sv/")))
