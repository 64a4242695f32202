"""Anonymous API readers never see drafts, private pages, unpublished snippets or other sites' pages."""

import json

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from pages.models import ChapterPage, HomePage
from snippets.models import Actor, Concept, Contact, Goal, Resource

pytestmark = pytest.mark.django_db

SECRET = "HEMLIGT"


@pytest.fixture
def hidden(built):
    """One of everything that must stay hidden, each carrying the secret word."""
    strategy = built.strategy
    objects = {}
    draft = ChapterPage(title=f"{SECRET} utkast", slug="utkast", live=False, body=rich(f"{SECRET} text"))
    strategy.add_child(instance=draft)
    draft.save_revision()
    objects["draft page"] = draft

    changed = built.region
    changed.title = f"{SECRET} ändring"
    changed.body = rich(f"{SECRET} ändrad text")
    changed.save_revision()

    private = ChapterPage(title=f"{SECRET} privat", slug="privat", body=rich(f"{SECRET} privat text"))
    strategy.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    below_private = ChapterPage(title=f"{SECRET} under privat", slug="under-privat")
    private.add_child(instance=below_private)
    below_private.save_revision().publish()
    objects["private page"] = private
    objects["page below a private page"] = below_private

    contact = built.contact
    contact.description = f"{SECRET} ändrad beskrivning"
    contact.save_revision()

    unpublished = Contact(name=f"{SECRET} kontakt", category="support_line", phone="020-61 60 60", live=False)
    unpublished.save()
    unpublished.save_revision()
    objects["unpublished contact"] = unpublished
    with_contacts = built.help
    with_contacts.body.append(("contacts", {"contacts": [unpublished]}))
    with_contacts.save_revision().publish()

    other_root = HomePage(title=f"{SECRET} annan webbplats", slug="annan")
    Page.get_first_root_node().add_child(instance=other_root)
    other_root.save_revision().publish()
    Site.objects.create(hostname="annan.example", port=80, root_page=other_root)
    objects["other site's page"] = other_root
    return objects


def rich(text):
    return [{"type": "rich_text", "value": f"<p>{text}</p>"}]


def public_get_paths(strategy, hidden):
    ids = [strategy.pk] + [o.pk for o in hidden.values() if isinstance(o, Page)]
    paths = [
        "pages/?limit=20",
        "pages/?limit=20&offset=20",
        f"pages/?child_of={strategy.pk}&limit=20",
        f"pages/?descendant_of={strategy.pk}&limit=20",
        f"pages/?search={SECRET}",
        "pages/?type=pages.ChapterPage&limit=20",
        "strategies/",
        f"strategies/{strategy.pk}/",
        f"strategies/{strategy.pk}/?version=draft",
        "navigation/?depth=5",
        "contacts/?limit=20",
        "contacts/?limit=20&offset=20",
    ]
    for pk in ids:
        paths += [f"pages/{pk}/", f"pages/find/?id={pk}", f"pages/{pk}/translations/", f"pages/{pk}/breadcrumbs/"]
        paths += [f"pages/?ancestor_of={pk}", f"pages/?translation_of={pk}"]
    paths += [f"pages/find/?html_path={p.url_path}" for p in hidden.values() if isinstance(p, Page)]
    paths += [f"contacts/{hidden['unpublished contact'].pk}/"]
    return paths


def test_no_anonymous_response_contains_hidden_content(api, strategy, hidden):
    for path in public_get_paths(strategy, hidden):
        response = api(path)
        assert response.status_code < 500, path
        assert SECRET not in response.content.decode(), path


def test_a_hidden_object_answers_like_a_nonexistent_one(api, hidden):
    missing = 999999
    for name, obj in hidden.items():
        kind = "contacts" if isinstance(obj, Contact) else "pages"
        suffixes = [""] if kind == "contacts" else ["", "translations/", "breadcrumbs/"]
        for suffix in suffixes:
            seen = api(f"{kind}/{obj.pk}/{suffix}")
            unseen = api(f"{kind}/{missing}/{suffix}")
            assert seen.status_code == unseen.status_code == 404, (name, suffix)
            assert seen.content.decode().replace(str(obj.pk), "ID") == unseen.content.decode().replace(
                str(missing), "ID"
            ), (name, suffix)


def test_the_html_site_hides_them_too(client, built, hidden):
    for name in ["draft page", "private page", "page below a private page"]:
        response = client.get(f"/sv{hidden[name].url_path[len('/home') :]}")
        assert SECRET not in response.content.decode(), name
    assert SECRET not in client.get(built.help.url).content.decode()


def test_a_session_cookie_does_not_raise_api_privileges(admin_client, strategy, hidden):
    for path in [f"strategies/{strategy.pk}/?version=draft", f"pages/{hidden['draft page'].pk}/", "pages/?limit=20"]:
        assert SECRET not in admin_client.get(f"/api/v3/{path}").content.decode(), path


def test_draft_preview_needs_a_token_of_an_editor(api, strategy, hidden, token_for, superuser, django_user_model):
    editor_view = json.dumps(api(f"strategies/{strategy.pk}/?version=draft", **token_for(superuser)).json())
    assert json.dumps(f"{SECRET} ändring") in editor_view
    assert json.dumps(f"{SECRET} utkast") in editor_view
    live_view = api(f"strategies/{strategy.pk}/?version=draft")
    assert SECRET not in live_view.content.decode()
    assert live_view.status_code == 401
    nobody = django_user_model.objects.create_user("nobody", password="pw")
    refused = api(f"strategies/{strategy.pk}/?version=draft", **token_for(nobody))
    assert refused.status_code == 403 and SECRET not in refused.content.decode()


def test_revoked_and_garbage_tokens_read_as_anonymous(api, strategy, hidden, token_for, superuser):
    from wagtail.models import APIToken

    headers = token_for(superuser)
    APIToken.objects.get(user=superuser).revoke()
    for auth in [headers, {"Authorization": "Bearer not-a-token"}]:
        response = api(f"strategies/{strategy.pk}/?version=draft", **auth)
        assert response.status_code == 401
        assert SECRET not in response.content.decode()


def test_wagtail_page_detail_shows_a_draft_only_to_an_editors_token(api, built, hidden, token_for, superuser):
    changed = built.region
    draft = api(f"pages/{changed.pk}/?version=draft", **token_for(superuser)).json()
    assert draft["title"] == f"{SECRET} ändring"
    assert api(f"pages/{changed.pk}/?version=draft").status_code == 401
    assert api(f"pages/{changed.pk}/").json()["title"] == "Läget i regionen"


@pytest.fixture
def used_only_where_the_public_cannot_look(strategy):
    """A live snippet of every kind, each chosen only by a private page and by a draft."""
    snippets = {
        "contacts": Contact.objects.create(
            name=f"{SECRET} kontakt", category="support_line", phone="020-61 60 60", live=True
        ),
        "concepts": Concept.objects.create(term=f"{SECRET} begrepp", definition="<p>d</p>", live=True),
        "goals": Goal.objects.create(title=f"{SECRET} mål", text="<p>t</p>", live=True),
        "resources": Resource.objects.create(
            title=f"{SECRET} resurs", kind="website", url="https://example.se/", live=True
        ),
        "actors": Actor.objects.create(name=f"{SECRET} aktör", live=True),
    }
    body = [
        ("contacts", {"contacts": [snippets["contacts"]]}),
        ("concept", {"concept": snippets["concepts"]}),
        ("goal", {"goal": snippets["goals"]}),
        ("resources", {"resources": [snippets["resources"]]}),
        ("actor_role", {"actor": snippets["actors"]}),
    ]
    private = ChapterPage(title="Intern sida", slug="intern-sida", body=body)
    strategy.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="pw")
    draft = ChapterPage(title="Utkastsida", slug="utkastsida", live=False, body=body)
    strategy.add_child(instance=draft)
    draft.save_revision()
    return snippets, body


def every_answer_about_snippets(api, strategy, snippets):
    answers = [api(f"strategies/{strategy.pk}/").content.decode()]
    for collection, snippet in snippets.items():
        answers += [api(f"{collection}/?limit=20&offset={offset}").content.decode() for offset in (0, 20)]
        answers.append(api(f"{collection}/{snippet.pk}/").content.decode())
    return answers


def test_a_snippet_only_private_or_draft_pages_use_is_in_no_anonymous_answer(
    api, strategy, used_only_where_the_public_cannot_look
):
    snippets, _body = used_only_where_the_public_cannot_look
    for answer in every_answer_about_snippets(api, strategy, snippets):
        assert SECRET not in answer
    for collection, snippet in snippets.items():
        assert api(f"{collection}/{snippet.pk}/").status_code == 404, collection


def test_the_same_snippets_are_public_once_a_public_page_uses_them(
    api, strategy, used_only_where_the_public_cannot_look
):
    snippets, body = used_only_where_the_public_cannot_look
    public = ChapterPage(title="Offentlig sida", slug="offentlig-sida", body=body)
    strategy.add_child(instance=public)
    public.save_revision().publish()
    for collection, snippet in snippets.items():
        assert api(f"{collection}/{snippet.pk}/").status_code == 200, collection
    document = api(f"strategies/{strategy.pk}/").content.decode()
    assert json.dumps(f"{SECRET} begrepp") in document and json.dumps(f"{SECRET} kontakt") in document


def test_emergency_banner_contacts_are_public_by_their_flag(api):
    banner = Contact.objects.create(
        name="Jourtelefon", category="support_line", phone="112", live=True, in_emergency_banner=True
    )
    assert api(f"contacts/{banner.pk}/").status_code == 200
