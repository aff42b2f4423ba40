"""Who sees which resource and may do what, as a matrix of personas × resources in every state."""

import pytest
from django.http import Http404

from followup.knowledge import permissions
from followup.knowledge.models import Resource
from followup.knowledge.tests.factories import PERSONAS, ResourceFactory
from followup.program.models import Actor

pytestmark = pytest.mark.django_db

S = Resource.Status


@pytest.fixture
def resources():
    """IIN resources in each state, a CIM draft, and a deleted IIN resource once published."""
    cim = Actor.objects.get(slug="cim")
    made = {f"iin {status}": ResourceFactory(status=status) for status in S.values}
    made["cim draft"] = ResourceFactory(owner=cim)
    made["iin deleted"] = ResourceFactory(status=S.PUBLISHED, deleted_at="2024-01-01T00:00:00Z")
    return made


VISIBLE = {
    "anonymous": {"iin published"},
    "iin focal point": {"iin draft", "iin submitted", "iin returned", "iin published"},
    "cim focal point": {"iin published", "cim draft"},
    "reviewer": {"iin published"},
    "secretariat": {
        "iin draft",
        "iin submitted",
        "iin returned",
        "iin published",
        "cim draft",
    },
}


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_who_sees_which_resource(resources, persona):
    user = PERSONAS[persona]()

    visible = {
        name
        for name, resource in resources.items()
        if permissions.resources_visible_to(user).filter(pk=resource.pk).exists()
    }

    assert visible == VISIBLE[persona]


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_get_resource_for_answers_404_alike_for_hidden_and_missing(resources, persona):
    user = PERSONAS[persona]()
    hidden = [r for name, r in resources.items() if name not in VISIBLE[persona]]

    for resource in hidden:
        with pytest.raises(Http404):
            permissions.get_resource_for(user, resource.pk)
    with pytest.raises(Http404):
        permissions.get_resource_for(user, 999_999)


# (predicate, resource) → the personas allowed, in PERSONAS order.
ALLOWED = [
    ("can_edit_resource", "iin draft", [False, True, False, False, True]),
    ("can_edit_resource", "iin returned", [False, True, False, False, True]),
    ("can_edit_resource", "iin submitted", [False, False, False, False, True]),
    ("can_edit_resource", "iin published", [False, False, False, False, True]),
    ("can_edit_resource", "iin deleted", [False, False, False, False, False]),
    ("can_submit_resource", "iin draft", [False, True, False, False, True]),
    ("can_submit_resource", "iin submitted", [False, False, False, False, False]),
    ("can_submit_resource", "iin published", [False, False, False, False, False]),
    ("can_return_resource", "iin submitted", [False, False, False, False, True]),
    ("can_return_resource", "iin draft", [False, False, False, False, False]),
    ("can_publish_resource", "iin draft", [False, False, False, False, True]),
    ("can_publish_resource", "iin submitted", [False, False, False, False, True]),
    ("can_publish_resource", "iin published", [False, False, False, False, False]),
    ("can_unpublish_resource", "iin published", [False, False, False, False, True]),
    ("can_unpublish_resource", "iin draft", [False, False, False, False, False]),
    ("can_delete_resource", "iin draft", [False, False, False, False, True]),
    ("can_delete_resource", "iin deleted", [False, False, False, False, False]),
    ("can_restore_resource", "iin deleted", [False, False, False, False, True]),
    ("can_restore_resource", "iin draft", [False, False, False, False, False]),
    ("can_read_comments", "iin returned", [False, True, False, False, True]),
]


@pytest.mark.parametrize(
    ("predicate", "target", "allowed"), ALLOWED, ids=[f"{c[0]}-{c[1]}" for c in ALLOWED]
)
def test_permission_matrix(resources, predicate, target, allowed):
    answers = [
        getattr(permissions, predicate)(maker(), resources[target]) for maker in PERSONAS.values()
    ]

    assert answers == allowed


def test_can_create_resource():
    assert [permissions.can_create_resource(maker()) for maker in PERSONAS.values()] == [
        False,
        True,
        True,
        False,
        True,
    ]


def test_every_predicate_is_in_the_matrix():
    predicates = {
        name
        for name in dir(permissions)
        if name.startswith("can_") and name not in {"can_create_resource", "can_own"}
    }

    assert predicates == {case[0] for case in ALLOWED}
