"""A translator's listings open in the language they translate into; everyone else's in every language."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from cms.models import WorkingLanguage
from cms.roles import COMMUNICATORS, TRANSLATORS

pytestmark = pytest.mark.django_db

LISTINGS = ["contact", "actor", "indicatorcategory", "concept", "goal", "resource"]


@pytest.fixture
def user_in(client, django_user_model):
    def make(role, language=None):
        # A real account has a name and an e-mail address; Wagtail's account settings require them to save.
        user = django_user_model.objects.create_user(
            f"user-{role}", "user@example.invalid", "pw", first_name="Ulla", last_name="Test"
        )
        user.groups.add(Group.objects.get(name=role))
        if language:
            WorkingLanguage.objects.create(user=user, locale=Locale.objects.get(language_code=language))
        client.force_login(user)
        return client

    return make


def listed_languages(client, model, query=""):
    response = client.get(reverse(f"wagtailsnippets_snippets_{model}:list") + query)
    assert response.status_code == 200
    return {obj.locale.language_code for obj in response.context["object_list"]}


@pytest.mark.parametrize("model", LISTINGS)
def test_a_translator_sees_their_own_language_first(user_in, model):
    client = user_in(TRANSLATORS, "fi")
    assert listed_languages(client, model) == {"fi"}
    assert listed_languages(client, model, "?locale=sv") == {"sv"}
    assert listed_languages(client, model, "?locale=") == {"sv", "en", "fi", "ar"}


def test_the_results_view_the_filters_ask_follows_the_same_default(user_in):
    client = user_in(TRANSLATORS, "ar")
    response = client.get(reverse("wagtailsnippets_snippets_contact:list_results"))
    assert {obj.locale.language_code for obj in response.context["object_list"]} == {"ar"}


def test_removing_the_language_chip_shows_every_language(user_in):
    client = user_in(TRANSLATORS, "fi")
    response = client.get(reverse("wagtailsnippets_snippets_contact:list"))
    (chip,) = [f for f in response.context["view"].active_filters if f.auto_id == "id_locale"]
    assert listed_languages(client, "contact", "?" + chip.removed_filter_url.split("?", 1)[1]) == {
        "sv",
        "en",
        "fi",
        "ar",
    }


@pytest.mark.parametrize(("role", "language"), [(COMMUNICATORS, "fi"), (TRANSLATORS, None)])
def test_other_roles_and_translators_without_a_choice_keep_every_language(user_in, role, language):
    client = user_in(role, language)
    assert listed_languages(client, "contact") == {"sv", "en", "fi", "ar"}


def account_form(client, **changes):
    """The account settings form as the page fills it in, with the given fields changed."""
    response = client.get(reverse("wagtailadmin_account"))
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                if field.field.widget.needs_multipart_form:
                    continue  # the avatar: nothing to upload
                value = field.value()
                if value not in (None, False):
                    data[field.html_name] = value
    return {**data, **changes}


def test_a_translator_chooses_the_language_in_their_account(user_in):
    client = user_in(TRANSLATORS)
    finnish = Locale.objects.get(language_code="fi")
    response = client.post(
        reverse("wagtailadmin_account"), account_form(client, **{"working_language-locale": finnish.pk})
    )
    assert response.status_code == 302
    assert listed_languages(client, "contact") == {"fi"}


def test_swedish_is_not_a_language_to_translate_into(user_in):
    client = user_in(TRANSLATORS)
    swedish = Locale.get_default()
    form = account_form(client, **{"working_language-locale": swedish.pk})
    response = client.post(reverse("wagtailadmin_account"), form)
    assert response.status_code == 200  # the form again, with its error
    assert not WorkingLanguage.objects.filter(locale=swedish).exists()


def test_only_translators_are_offered_the_choice(user_in):
    client = user_in(COMMUNICATORS)
    assert "working_language-locale" not in client.get(reverse("wagtailadmin_account")).content.decode()
