"""Every page and action of the knowledge base × every persona, on an IIN draft with a file
that could leak, an IIN published resource and a deleted one.

Expected: anonymous visitors are sent to sign in for the workspace and get 404 for anything of
the draft; the CIM focal point and the reviewer get 404 for the draft (its existence is not
revealed) and 403 for what they see but may not change; steps that need another state are
refused to all (403).
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from followup.knowledge import services
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import PERSONAS, ResourceFactory, published
from followup.reporting.tests.factories import secretariat_user

pytestmark = pytest.mark.django_db

SECRET = "Confidential draft of the IIN"


@pytest.fixture
def world():
    draft = ResourceFactory(title=SECRET)
    attachment = services.attach_file(
        draft,
        SimpleUploadedFile("plan.txt", SECRET.encode()),
        by=secretariat_user(),
    )
    draft.refresh_from_db()
    public = published(title="Published guide")
    deleted = ResourceFactory(title="Deleted one", deleted_at="2024-01-01T00:00:00Z")
    return {"draft": draft, "attachment": attachment, "published": public, "deleted": deleted}


# (method, url name, target) → expected status per persona, in PERSONAS order.
CASES = [
    ("get", "resource_list", None, [200, 200, 200, 200, 200]),
    ("get", "resource_detail", "draft", [404, 200, 404, 404, 200]),
    ("get", "resource_detail", "published", [200, 200, 200, 200, 200]),
    ("get", "resource_detail", "deleted", [404, 404, 404, 404, 404]),
    ("get", "attachment_download", "attachment", [404, 200, 404, 404, 200]),
    ("get", "resource_manage_list", None, [302, 200, 200, 200, 200]),
    ("get", "resource_create", None, [302, 200, 200, 403, 200]),
    ("post", "resource_create", None, [302, 400, 400, 403, 400]),
    ("get", "resource_edit", "draft", [302, 200, 404, 404, 200]),
    ("post", "resource_edit", "draft", [302, 400, 404, 404, 400]),
    ("get", "resource_edit", "published", [302, 403, 403, 403, 200]),
    ("post", "resource_attach", "draft", [302, 302, 404, 404, 302]),
    ("post", "attachment_remove", "attachment", [302, 302, 404, 404, 302]),
    ("post", "resource_submit", "draft", [302, 302, 404, 404, 302]),
    ("post", "resource_submit", "published", [302, 403, 403, 403, 403]),
    # A draft has not been submitted, so no one can return it.
    ("post", "resource_return", "draft", [302, 403, 404, 404, 403]),
    ("post", "resource_publish", "draft", [302, 403, 404, 404, 302]),
    ("post", "resource_publish", "published", [302, 403, 403, 403, 403]),
    ("post", "resource_unpublish", "draft", [302, 403, 404, 404, 403]),
    ("post", "resource_unpublish", "published", [302, 403, 403, 403, 302]),
    ("post", "resource_delete", "draft", [302, 403, 404, 404, 302]),
    ("post", "resource_restore", "draft", [302, 404, 404, 404, 404]),
    ("post", "resource_restore", "deleted", [302, 404, 404, 404, 302]),
]


@pytest.mark.parametrize(
    ("method", "name", "target", "statuses"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES]
)
@pytest.mark.parametrize("persona", list(PERSONAS))
def test_page_permission_matrix(client, world, persona, method, name, target, statuses):
    if persona != "anonymous":
        client.force_login(PERSONAS[persona]())
    args = [world[target].pk] if target else []
    revision = world["draft"].revision if target != "published" else 1
    data = {"revision": revision, "reason": "Outdated", "comment": "Add the link."}

    response = getattr(client, method)(reverse(f"knowledge:{name}", args=args), data)
    response.close()  # a file download stays open until closed

    assert response.status_code == statuses[list(PERSONAS).index(persona)]
    if response.status_code in (403, 404) or persona == "anonymous":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET not in body.decode(errors="replace")


def test_every_route_is_in_the_matrix():
    from followup.knowledge import urls

    assert {pattern.name for pattern in urls.urlpatterns} == {case[1] for case in CASES}


def test_public_list_never_shows_a_draft_to_anyone(client, world):
    client.force_login(secretariat_user())

    response = client.get(reverse("knowledge:resource_list"))

    assert SECRET not in response.content.decode()
    assert "Published guide" in response.content.decode()


@pytest.mark.parametrize("status", [Resource.Status.SUBMITTED, Resource.Status.RETURNED])
def test_anonymous_never_sees_a_resource_under_review(client, status):
    resource = ResourceFactory(title=SECRET, status=status)

    detail = client.get(reverse("knowledge:resource_detail", args=[resource.pk]))
    listing = client.get(reverse("knowledge:resource_list"))

    assert detail.status_code == 404
    assert SECRET not in listing.content.decode()
