import pytest
from django.contrib.auth.models import Group

from tests.factories import TRANSLATED, ChapterPageFactory, publish, rich_text, translate_into


@pytest.fixture
def as_role(client, django_user_model):
    """The test client logged in as a new user in the group `name` (cms.roles)."""

    def login(name):
        user = django_user_model.objects.create_user(f"user-{name}", password="pw")
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        return client

    return login


@pytest.fixture
def contact_everywhere(built):
    """The built strategy's contact in every language (no page needs to show it)."""
    translate_into(TRANSLATED, built.contact)
    return built.contact


@pytest.fixture
def chapter_everywhere(built):
    """A chapter of the built strategy in every language; without sub-chapters, which only a bulk delete takes."""
    chapter = publish(
        ChapterPageFactory(parent=built.strategy, title="Uppföljning", body=rich_text("Följs upp årligen."))
    )
    translate_into(TRANSLATED, built.strategy, chapter)
    return chapter
