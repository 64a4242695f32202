import pytest
from django.contrib.auth.models import Group


@pytest.fixture
def as_role(client, django_user_model):
    """The test client logged in as a new user in the group `name` (cms.roles)."""

    def login(name):
        user = django_user_model.objects.create_user(f"user-{name}", password="pw")
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        return client

    return login
