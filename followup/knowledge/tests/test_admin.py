"""The back office shows resources with their countries, files and comments, and their history."""

import pytest
from django.urls import reverse

from followup.knowledge import services
from followup.knowledge.tests.factories import ResourceFactory, with_countries
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(client):
    user = secretariat_user()
    client.force_login(user)
    resource = with_countries(ResourceFactory(title="Guide for consuls"), "MEX")
    services.save_resource(resource, {"title": "Guide for consular staff"}, by=user)
    return resource


@pytest.mark.parametrize(
    "page", ["admin:knowledge_resource_changelist", "admin:knowledge_resource_change"]
)
def test_admin_pages_show_the_resource(client, resource, page):
    args = [resource.pk] if page.endswith("change") else []

    response = client.get(reverse(page, args=args))

    assert response.status_code == 200
    assert "Guide for consular staff" in response.content.decode()


def test_admin_history_lists_each_change(client, resource):
    response = client.get(reverse("admin:knowledge_resource_history", args=[resource.pk]))

    assert response.status_code == 200
    assert "edited" in response.content.decode()
